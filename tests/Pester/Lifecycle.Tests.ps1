#Requires -Version 7
# Pester 5. Run by `./build.ps1 -Task Test` and `./build.ps1 -Task Pester` in a child
# `pwsh -NoProfile -NonInteractive` (and by .ci/run when pwsh is on PATH), against the module in out/.
# The whole account lifecycle against the WHM simulator, on a temporary SQLite billing database: the steps of
# Lifecycle.ps1 (the same the demo shows) run once, and each It checks what one step did.

BeforeAll {
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
    . (Join-Path $PSScriptRoot 'Simulator.ps1')
    . (Join-Path $PSScriptRoot 'Lifecycle.ps1')
    $version = (Import-PowerShellDataFile -Path (Join-Path $repoRoot 'CpanelBilling.psd1')).ModuleVersion
    Import-Module -Name (Join-Path $repoRoot 'out' 'CpanelBilling' $version 'CpanelBilling.psd1') -Force

    $database = New-CpLifecycleDatabasePath -Name pester
    $simulator = Start-CpSimulator -RepoRoot $repoRoot
    $run = [ordered]@{}
    $failure = $null
    try { Invoke-CpLifecycle -Simulator $simulator -Database $database -Record $run -Prefix pest }
    catch { $failure = $_ }
}

AfterAll {
    if ($simulator) { Stop-CpSimulator -Simulator $simulator }
    if ($database) { Remove-Item -Path "$database*" -Force -ErrorAction SilentlyContinue }
}

Describe 'Account lifecycle against the WHM simulator' {
    It 'runs every step without an error' {
        $failure | Should -BeNullOrEmpty -Because "$($failure.InvocationInfo.PositionMessage)"
    }

    It 'connects billing to the SQLite file with the call log beside it' {
        $run.Connection.Backend | Should -Be 'Sqlite'
        $run.Connection.Database | Should -Be $database
        $run.Connection.LogPath | Should -Be $run.LogPath
        $run.Connection.ServersWithToken | Should -Contain 'web01'
    }

    It 'adds the server with its certificate pinned' {
        $run.Server.Name | Should -Be 'web01'
        $run.Server.HostName | Should -Be $simulator.HostName
        $run.Server.Port | Should -Be $simulator.Port
        $run.Server.CertificateThumbprint | Should -Be $simulator.Thumbprint
        $run.Server.Enabled | Should -BeTrue
    }

    It 'reaches the server over the pinned certificate with a token that may call everything' {
        $run.Connected.Succeeded | Should -BeTrue
        $run.Connected.Status | Should -Be 'Connected'
        $run.Connected.CertificateTrust | Should -Be 'Pin'
        $run.Connected.Version | Should -Match '^11\.\d+'
        $run.Connected.MissingFunctions | Should -BeNullOrEmpty
    }

    It 'refuses a host whose certificate does not match the pin, and shows the thumbprint to pin' {
        $run.WrongPin.Succeeded | Should -BeFalse
        $run.WrongPin.Status | Should -Be 'CertificateNotTrusted'
        $run.WrongPin.CertificateThumbprint | Should -Be $simulator.Thumbprint
    }

    It 'syncs the server''s IP addresses into billing' {
        $run.Sync.Server | Should -Be 'web01'
        @($run.Sync.IpsAdded).Count | Should -BeGreaterOrEqual 2
        $run.Sync.Warnings | Should -BeNullOrEmpty
    }

    It 'adds two packages with their limits' {
        $basic, $pro = $run.Packages
        $basic.Name | Should -Be 'pest_basic'
        $basic.Quota | Should -Be '1024'
        $basic.BandwidthLimit | Should -Be '10240'
        $basic.MaxAddons | Should -Be '1'
        $pro.Name | Should -Be 'pest_pro'
        $pro.Quota | Should -Be '4096'
        $pro.MaxAddons | Should -Be '5'
    }

    It 'adds a customer and plans mapped to the packages, Pro with a dedicated IP' {
        $run.Customer.Login | Should -Be $run.UserName
        $run.Customer.Email | Should -Be "$($run.UserName)@example.com"
        $basic, $pro = $run.Plans
        $basic.Packages | Should -Be 'web01:pest_basic'
        $basic.DedicatedIp | Should -BeFalse
        $pro.Packages | Should -Be 'web01:pest_pro'
        $pro.DedicatedIp | Should -BeTrue
    }

    It 'opens the account with a dedicated IP and its own limits' {
        $run.Opened.UserName | Should -Be $run.UserName
        $run.Opened.Domain | Should -Be "$($run.UserName).example.com"
        $run.Opened.Status | Should -Be 'Active'
        $run.Opened.Plan | Should -Be 'Basic'
        $run.Opened.Package | Should -Be 'pest_basic'
        $run.Opened.DedicatedIp | Should -Match '^\d+\.\d+\.\d+\.\d+$'
        $run.Opened.IpAddress | Should -Be $run.Opened.DedicatedIp
        $run.Opened.BandwidthLimit | Should -Be '20480'
        $run.Opened.DiskLimit | Should -Be '2048'
    }

    It 'changes nothing with Get-CpAccount | Suspend-CpAccount -WhatIf' {
        $run.WhatIf.Status | Should -Be 'Active'
        $run.WhatIf.SuspendReason | Should -BeNullOrEmpty
    }

    It 'suspends the account with its reason' {
        $run.Suspended.Status | Should -Be 'Suspended'
        $run.Suspended.SuspendReason | Should -Be 'Overdue invoice'
    }

    It 'resumes the account' {
        $run.Resumed.Status | Should -Be 'Active'
        $run.Resumed.SuspendReason | Should -BeNullOrEmpty
    }

    It 'moves the account to Pro with its own limits applied again and its IP kept' {
        foreach ($account in $run.Moved.Account, $run.Moved.After) {
            $account.Plan | Should -Be 'Pro'
            $account.Package | Should -Be 'pest_pro'
            $account.BandwidthLimit | Should -Be '20480'
            $account.DiskLimit | Should -Be '2048'
            $account.DedicatedIp | Should -Be $run.Opened.DedicatedIp
        }
        # The server is read back after the move; a limit it shows otherwise than billing would be a warning.
        $run.Moved.Warnings | Should -BeNullOrEmpty
    }

    It 'reads the month''s bandwidth, records it once, and a second run finds it up to date' {
        # The simulator runs with --usage-mb (Simulator.ps1), so the new account has usage this month to record.
        $read = @($run.Bandwidth.Read | Where-Object UserName -EQ $run.UserName)
        $first = @($run.Bandwidth.First | Where-Object UserName -EQ $run.UserName)
        $second = @($run.Bandwidth.Second | Where-Object UserName -EQ $run.UserName)
        $read.Count | Should -Be 1
        $read[0].ServerBytes | Should -BeGreaterThan 0
        $read[0].RecordedBytes | Should -Be 0
        $read[0].Status | Should -Be 'ToRecord'
        $first.Count | Should -Be 1
        $first[0].Status | Should -Be 'Recorded'
        $first[0].RecordedBytes | Should -Be $read[0].ServerBytes
        $second.Count | Should -Be 1
        $second[0].Status | Should -Be 'UpToDate'
        $second[0].RecordedBytes | Should -Be $first[0].RecordedBytes
        $second[0].DifferenceBytes | Should -Be 0
        $run.Bandwidth.Second.Status | Should -Not -Contain 'Recorded'
        $run.Bandwidth.Second.Status | Should -Not -Contain 'ToRecord'
    }

    It 'reports an unknown account as a non-terminating ObjectNotFound error and goes on with the others' {
        $run.NotFound.Errors.Count | Should -Be 1
        $run.NotFound.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $run.NotFound.Errors[0].TargetObject | Should -BeLike '*nosuchuser*'
        $run.NotFound.Resumed.UserName | Should -Be $run.UserName
    }

    It 'removes the account, keeps it in billing as deleted and frees its IP' {
        $run.Removed.Account.Status | Should -Be 'Deleted'
        $run.Removed.Kept.Status | Should -Be 'Deleted'
        $run.Removed.Kept.DedicatedIp | Should -BeNullOrEmpty
        $run.Removed.Live | Should -BeNullOrEmpty
    }

    It 'logs every WHM call, and never the token or the password' {
        $functions = @($run.CallLog.Calls.Function)
        foreach ($change in 'createacct', 'suspendacct', 'unsuspendacct', 'changepackage', 'removeacct') {
            # Exactly one each: the -WhatIf suspension made no call.
            @($functions | Where-Object { $_ -eq $change }).Count | Should -Be 1 -Because "the lifecycle made one $change call"
        }
        @($functions | Where-Object { $_ -eq 'addpkg' }).Count | Should -Be 2
        foreach ($read in 'listpkgs', 'listips', 'showbw') { $functions | Should -Contain $read }
        $run.CallLog.Calls | Where-Object Server -NE "$($simulator.HostName):$($simulator.Port)" | Should -BeNullOrEmpty
        $run.CallLog.HasToken | Should -BeFalse
        $run.CallLog.HasPassword | Should -BeFalse
    }
}
