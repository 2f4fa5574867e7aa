#Requires -Version 7
<#
.SYNOPSIS
    Builds, tests, documents and demonstrates the CpanelBilling module.

.DESCRIPTION
    Build   Compiles with dotnet and lays the module out in out/CpanelBilling/<version>/ (the MSBuild target
            LayoutModule, the same one `dotnet test` runs), then builds the MAML help (Help).
    Test    dotnet test CpanelBilling.sln, then Pester.
    Pester  Help, then the Pester suite (tests/Pester) against the module already in out/, in a child pwsh: a
            module's DLL cannot be unloaded, so it never loads into this session. Help comes first because the suite
            checks every cmdlet's help, and the layout `dotnet test` makes carries only the about topic.
    Help    MAML help (CpanelBilling.dll-Help.xml) and about_CpanelBilling.help.txt from docs/en-US with platyPS.
    Demo    Build, start the WHM simulator on a free loopback port, and run a whole account lifecycle against it
            on a temporary SQLite database (tests/Pester/Lifecycle.ps1, the steps the Pester suite checks).
            Demo and Pester use a simulator you started yourself instead when CPBILLING_SIMULATOR_URL,
            CPBILLING_SIMULATOR_THUMBPRINT and CPBILLING_SIMULATOR_TOKEN name it (see tests/Pester/Simulator.ps1);
            start it with --usage-mb 5, so the bandwidth step has usage to record.
    Clean   Removes out/ and every bin/ and obj/ folder.

    Pester and platyPS are installed from the PowerShell Gallery on first use (CurrentUser scope), at the pinned
    versions below.

.EXAMPLE
    ./build.ps1 -Task Build

.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Help', 'Demo', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Leave out the Windows PowerShell 5.1 dependencies (they need the Microsoft.Data.SqlClient.SNI package).
    [switch] $CoreOnly
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$PesterVersion = '5.7.1'
$PlatyPSVersion = '0.14.2'

$RepoRoot = $PSScriptRoot
$ModuleVersion = (Import-PowerShellDataFile -Path (Join-Path $RepoRoot 'CpanelBilling.psd1')).ModuleVersion
$ModuleFolder = Join-Path $RepoRoot 'out' 'CpanelBilling' $ModuleVersion
$IncludeDesktop = if ($CoreOnly) { 'false' } else { 'true' }

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Import-PinnedModule {
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Version)
    if (-not (Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version -eq [version] $Version })) {
        Write-Host "$Name $Version is not installed; installing it from the PowerShell Gallery for the current user." -ForegroundColor Yellow
        Install-Module -Name $Name -RequiredVersion $Version -Scope CurrentUser -Force -SkipPublisherCheck -AllowClobber
    }
    Import-Module -Name $Name -RequiredVersion $Version -Force
}

function Invoke-Build {
    Invoke-Dotnet 'build', (Join-Path $RepoRoot 'src' 'CpanelBilling' 'CpanelBilling.csproj'), '-c', $Configuration,
        '-t:LayoutModule', "-p:CpbIncludeDesktop=$IncludeDesktop"
    Invoke-Help
    Write-Host "Module ready: $ModuleFolder" -ForegroundColor Green
}

function Invoke-Help {
    if (-not (Test-Path $ModuleFolder)) { throw "No module in $ModuleFolder; run ./build.ps1 -Task Build first." }
    Import-PinnedModule -Name platyPS -Version $PlatyPSVersion
    $outputPath = Join-Path $ModuleFolder 'en-US'
    $null = New-ExternalHelp -Path (Join-Path $RepoRoot 'docs' 'en-US') -OutputPath $outputPath -Force
    Write-Host "Help written to $outputPath" -ForegroundColor Green
}

function Invoke-PesterSuite {
    if (-not (Test-Path (Join-Path $ModuleFolder 'CpanelBilling.psd1'))) { throw "No module in $ModuleFolder; run ./build.ps1 -Task Build first." }
    # LayoutModule (run by every build, dotnet test included) lays the folder out afresh without the MAML help.
    Invoke-Help
    Import-PinnedModule -Name Pester -Version $PesterVersion
    $runner = @"
`$ErrorActionPreference = 'Stop'
Import-Module -Name Pester -RequiredVersion $PesterVersion
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = '$(Join-Path $RepoRoot 'tests' 'Pester')'
`$configuration.Run.Exit = `$true
`$configuration.Output.Verbosity = 'Detailed'
Invoke-Pester -Configuration `$configuration
"@
    & pwsh -NoProfile -NonInteractive -Command $runner
    if ($LASTEXITCODE -ne 0) { throw "Pester reported $LASTEXITCODE failure(s)." }
}

function Invoke-Test {
    Invoke-Dotnet 'test', (Join-Path $RepoRoot 'CpanelBilling.sln'), '-c', $Configuration, "-p:CpbIncludeDesktop=$IncludeDesktop"
    Invoke-PesterSuite
}

function Invoke-Demo {
    Invoke-Build
    $lifecycle = Join-Path $RepoRoot 'tests' 'Pester' 'Lifecycle.Demo.ps1'
    & pwsh -NoProfile -NonInteractive -File $lifecycle -ModulePath (Join-Path $ModuleFolder 'CpanelBilling.psd1') -Configuration $Configuration
    if ($LASTEXITCODE -ne 0) { throw "The demo lifecycle failed (exit code $LASTEXITCODE)." }
}

function Invoke-Clean {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue -Path (Join-Path $RepoRoot 'out')
    Get-ChildItem -Path (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests') -Directory -Recurse -Include 'bin', 'obj' |
        Remove-Item -Recurse -Force
    Write-Host 'Clean.' -ForegroundColor Green
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Pester' { Invoke-PesterSuite }
    'Help' { Invoke-Help }
    'Demo' { Invoke-Demo }
    'Clean' { Invoke-Clean }
}
