#Requires -Version 7
<#
.SYNOPSIS
    The demo of ./build.ps1 -Task Demo: a whole account lifecycle against the WHM simulator, on a temporary SQLite
    billing database. Runs in its own pwsh (build.ps1 starts it) so the module never loads into the build session.
    The steps are those of Lifecycle.ps1, which the Pester suite (Lifecycle.Tests.ps1) checks one by one.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$RepoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
. (Join-Path $PSScriptRoot 'Simulator.ps1')
. (Join-Path $PSScriptRoot 'Lifecycle.ps1')

Import-Module -Name $ModulePath
$database = New-CpLifecycleDatabasePath -Name demo
$simulator = Start-CpSimulator -RepoRoot $RepoRoot -Configuration $Configuration
try {
    Invoke-CpLifecycle -Simulator $simulator -Database $database -Record ([ordered]@{}) -Prefix demo -Show
    Write-Host "`nDemo complete." -ForegroundColor Green
}
finally {
    Stop-CpSimulator -Simulator $simulator
    Remove-Item -Path "$database*" -Force -ErrorAction SilentlyContinue
}
