#Requires -Version 7
# Pester 5. Run by `./build.ps1 -Task Test` and `./build.ps1 -Task Pester` in a child
# `pwsh -NoProfile -NonInteractive` (and by .ci/run when pwsh is on PATH), against the module in out/.
# The whole account lifecycle against the WHM simulator, on a temporary SQLite billing database.

BeforeAll {
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
    . (Join-Path $PSScriptRoot 'Simulator.ps1')
    $version = (Import-PowerShellDataFile -Path (Join-Path $repoRoot 'CpanelBilling.psd1')).ModuleVersion
    Import-Module -Name (Join-Path $repoRoot 'out' 'CpanelBilling' $version 'CpanelBilling.psd1') -Force

    $token = New-CpTestToken
    $simulator = Start-CpSimulator -RepoRoot $repoRoot -Token $token
    $database = Join-Path ([System.IO.Path]::GetTempPath()) "cpbilling-pester-$([guid]::NewGuid().ToString('N')).db"
    $credential = [pscredential]::new('root', (ConvertTo-SecureString -String $token -AsPlainText -Force))
    Connect-CpBilling -Path $database
}

AfterAll {
    Stop-CpSimulator -Simulator $simulator
    Remove-Item -Path "$database*" -Force -ErrorAction SilentlyContinue
}

Describe 'Account lifecycle against the WHM simulator' {
    It 'adds the server with its certificate pinned' {
        $server = Add-CpServer -Name web01 -HostName $simulator.HostName -Port $simulator.Port -Credential $credential `
            -CertificateThumbprint $simulator.Thumbprint -PassThru
        $server.Name | Should -Be 'web01'
    }

    It 'reaches the server' {
        $test = Test-CpServerConnection -Server web01
        $test.Success | Should -BeTrue
        $test.Version | Should -Not -BeNullOrEmpty
    }

    It 'refuses a server whose certificate does not match the pin' {
        Add-CpServer -Name wrongpin -HostName $simulator.HostName -Port $simulator.Port -Credential $credential `
            -CertificateThumbprint ('00' * 32)
        { Test-CpServerConnection -Server wrongpin -ErrorAction Stop } | Should -Throw
    }

    It 'syncs the server''s packages and IP addresses into billing' {
        $sync = Sync-CpServer -Server web01 -PassThru
        $sync | Should -Not -BeNullOrEmpty
    }

    It 'adds packages' {
        (New-CpPackage -Server web01 -Name pester_basic -QuotaMB 1024 -BandwidthMB 10240 -MaxAddonDomains 1).Name | Should -Be 'pester_basic'
        (New-CpPackage -Server web01 -Name pester_pro -QuotaMB 4096 -BandwidthMB 51200 -MaxAddonDomains 5).Name | Should -Be 'pester_pro'
    }

    It 'adds a customer and plans mapped to the packages' {
        (New-CpCustomer -Login pester -Email pester@example.com).Login | Should -Be 'pester'
        (New-CpPlan -Name PesterBasic -Server web01 -Package pester_basic).Packages | Should -Be 'web01:pester_basic'
        (New-CpPlan -Name PesterPro -Server web01 -Package pester_pro).Packages | Should -Be 'web01:pester_pro'
    }

    It 'opens an account with a dedicated IP and its own bandwidth limit' {
        $account = New-CpAccount -Server web01 -Customer pester -UserName pester1 -Domain pester-example.com -Package pester_basic `
            -DedicatedIp -Bandwidth 20480
        $account.UserName | Should -Be 'pester1'
        $account.Status | Should -Be 'Active'
        $account.IPAddress | Should -Not -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        Get-CpAccount -Server web01 -UserName pester1 | Suspend-CpAccount -Reason 'Overdue' -WhatIf
        (Get-CpAccount -Server web01 -UserName pester1).Status | Should -Be 'Active'
    }

    It 'suspends the account' {
        $account = Get-CpAccount -Server web01 -UserName pester1 | Suspend-CpAccount -Reason 'Overdue' -PassThru
        $account.Status | Should -Be 'Suspended'
    }

    It 'resumes the account' {
        (Resume-CpAccount -Server web01 -UserName pester1 -PassThru).Status | Should -Be 'Active'
    }

    It 'changes the package and keeps the account''s own limits' {
        $account = Set-CpAccountPackage -Server web01 -UserName pester1 -Package pester_pro -PassThru
        $account.Package | Should -Be 'pester_pro'
        $account.BandwidthLimit | Should -Be '20480'
    }

    It 'reads bandwidth for the month' {
        $rows = @(Get-CpBandwidth -Server web01 -Month (Get-Date))
        $rows.UserName | Should -Contain 'pester1'
    }

    It 'reports an unknown account as a non-terminating ObjectNotFound error' {
        Suspend-CpAccount -Server web01 -UserName nosuchuser -Reason 'x' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'removes the account' {
        Remove-CpAccount -Server web01 -UserName pester1 -Force
        Get-CpAccount -Server web01 -UserName pester1 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
