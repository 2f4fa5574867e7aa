#Requires -Version 7
<#
.SYNOPSIS
    The demo of ./build.ps1 -Task Demo: a whole account lifecycle against the WHM simulator, on a temporary SQLite
    billing database. Runs in its own pwsh (build.ps1 starts it) so the module never loads into the build session.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$RepoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
. (Join-Path $PSScriptRoot 'Simulator.ps1')

function Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

$token = New-CpTestToken
$database = Join-Path ([System.IO.Path]::GetTempPath()) "cpbilling-demo-$([guid]::NewGuid().ToString('N')).db"
$simulator = Start-CpSimulator -RepoRoot $RepoRoot -Token $token -Configuration $Configuration
try {
    Import-Module -Name $ModulePath
    $credential = [pscredential]::new('root', (ConvertTo-SecureString -String $token -AsPlainText -Force))

    Step "Billing database: $database"
    Connect-CpBilling -Path $database

    Step "Add the server ($($simulator.Url), certificate pinned)"
    Add-CpServer -Name demo01 -HostName $simulator.HostName -Port $simulator.Port -Credential $credential `
        -CertificateThumbprint $simulator.Thumbprint -PassThru | Format-List

    Step 'Test the connection'
    Test-CpServerConnection -Server demo01 | Format-List

    Step 'Sync packages and IP addresses into billing'
    Sync-CpServer -Server demo01 -PassThru | Format-List

    Step 'Add two packages'
    New-CpPackage -Server demo01 -Name demo_basic -QuotaMB 1024 -BandwidthMB 10240 -MaxAddonDomains 1
    New-CpPackage -Server demo01 -Name demo_pro -QuotaMB 4096 -BandwidthMB 51200 -MaxAddonDomains 5

    Step 'Add a customer, and plans sold as those packages'
    New-CpCustomer -Login demo -DisplayName 'Demo Customer' -Email demo@example.com | Format-Table
    New-CpPlan -Name DemoBasic -Server demo01 -Package demo_basic | Format-Table
    New-CpPlan -Name DemoPro -Server demo01 -Package demo_pro | Format-Table

    Step 'Open an account with a dedicated IP and its own bandwidth limit'
    New-CpAccount -Server demo01 -Customer demo -UserName demo1 -Domain demo-example.com -Plan DemoBasic -DedicatedIp `
        -Bandwidth 20480 | Format-List

    Step 'Suspend it (first what -WhatIf would do)'
    Suspend-CpAccount -Server demo01 -UserName demo1 -Reason 'Overdue invoice' -WhatIf
    Suspend-CpAccount -Server demo01 -UserName demo1 -Reason 'Overdue invoice' -PassThru | Format-Table

    Step 'Resume it'
    Resume-CpAccount -Server demo01 -UserName demo1 -PassThru | Format-Table

    Step 'Move it to the pro package (its own limits are applied again)'
    Set-CpAccountPackage -Server demo01 -UserName demo1 -Plan DemoPro -PassThru | Format-Table

    Step 'Bandwidth for the current month'
    Get-CpBandwidth -Server demo01 -Month (Get-Date) | Format-Table

    Step 'Remove the account'
    Remove-CpAccount -Server demo01 -UserName demo1 -Force
    Write-Host "`nDemo complete." -ForegroundColor Green
}
finally {
    Stop-CpSimulator -Simulator $simulator
    Remove-Item -Path "$database*" -Force -ErrorAction SilentlyContinue
}
