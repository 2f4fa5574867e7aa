#Requires -Version 7
# Pester 5. Run by `./build.ps1 -Task Test` (after dotnet test) and `./build.ps1 -Task Pester`, always in a child
# `pwsh -NoProfile -NonInteractive`, and by .ci/run when pwsh is on PATH. Tests the module as shipped in out/.

BeforeDiscovery {
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
    $version = (Import-PowerShellDataFile -Path (Join-Path $repoRoot 'CpanelBilling.psd1')).ModuleVersion
    $manifestPath = Join-Path $repoRoot 'out' 'CpanelBilling' $version 'CpanelBilling.psd1'
    Import-Module -Name $manifestPath -Force
    $commands = @(Get-Command -Module CpanelBilling | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
    $sourceManifest = Import-PowerShellDataFile -Path (Join-Path $repoRoot 'CpanelBilling.psd1')
    $manifestPath = Join-Path $repoRoot 'out' 'CpanelBilling' $sourceManifest.ModuleVersion 'CpanelBilling.psd1'
    $module = Import-Module -Name $manifestPath -Force -PassThru
    $common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name +
        [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties().Name
}

Describe 'The CpanelBilling module in out/' {
    It 'imports from its laid-out folder at the manifest version' {
        $module.Version | Should -Be ([version] $sourceManifest.ModuleVersion)
        $module.ModuleBase | Should -Be (Split-Path $manifestPath)
    }

    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets the manifest lists' {
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($sourceManifest.CmdletsToExport | Sort-Object)
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
    }

    It 'ships the about topic' {
        Get-Help about_CpanelBilling | Out-String | Should -Match 'CpanelBilling'
    }
}

Describe 'Help of <Name>' -ForEach $commands {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
        $command = Get-Command -Name $Name
    }

    It 'has a synopsis of its own' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name *"
    }

    It 'has a description' {
        ($help.Description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with code' {
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.Examples.Example) { $example.Code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $described = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($described.Description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }
}
