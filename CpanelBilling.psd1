@{
    # The one place the module version is written; Directory.Build.props reads it for every assembly.
    ModuleVersion        = '0.1.0'
    GUID                 = '5b1f3a52-8d0e-4c37-9a41-7f2c6e0d9b14'
    Author               = 'CpanelBilling contributors'
    CompanyName          = 'CpanelBilling'
    Copyright            = '(c) CpanelBilling contributors. MIT License.'
    Description          = 'Connects a hosting billing database to cPanel/WHM servers: accounts, packages, suspensions, bandwidth and repair, over the WHM API 1.'
    RootModule           = 'CpanelBilling.dll'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    # .NET Framework 4.7.2 for Windows PowerShell 5.1 (the oldest the dependencies support).
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('CpanelBilling.format.ps1xml')
    # Exactly the cmdlet classes of CpanelBilling.dll (a test compares them); never a wildcard, so PowerShell can
    # list the commands without loading the assembly.
    CmdletsToExport      = @(
        'Add-CpServer',
        'Compare-CpAccount',
        'Connect-CpBilling',
        'Get-CpAccount',
        'Get-CpBandwidth',
        'Get-CpCustomer',
        'Get-CpOperation',
        'Get-CpPlan',
        'Get-CpServer',
        'Get-CpServerPackage',
        'New-CpAccount',
        'New-CpCustomer',
        'New-CpPackage',
        'New-CpPlan',
        'Remove-CpAccount',
        'Remove-CpPackage',
        'Remove-CpServer',
        'Repair-CpAccount',
        'Resume-CpAccount',
        'Save-CpBandwidth',
        'Set-CpAccountLimit',
        'Set-CpAccountPackage',
        'Set-CpPackage',
        'Set-CpServer',
        'Suspend-CpAccount',
        'Sync-CpServer',
        'Test-CpServerConnection'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('cPanel', 'WHM', 'Billing', 'Hosting', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux')
            ProjectUri   = 'https://github.com/cpanelbilling/CpanelBilling'
            LicenseUri   = 'https://github.com/cpanelbilling/CpanelBilling/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0, the first release.
- Accounts: New-, Suspend-, Resume- and Remove-CpAccount, Set-CpAccountPackage, Set-CpAccountLimit and Get-CpAccount change each account on its WHM server (API 1) and in billing together: journaled, one actor per account, throttled per server; running a command again after a failure continues it instead of repeating a call.
- Packages: Get-CpServerPackage and New-, Set- and Remove-CpPackage with every package setting; Sync-CpServer reads a server's packages and IP addresses into billing.
- Servers: Add-, Set-, Remove- and Get-CpServer and Test-CpServerConnection; API tokens kept in SecretManagement (or for the session), TLS verified or pinned by SHA-256 thumbprint.
- Customers and plans: New- and Get-CpCustomer, New- and Get-CpPlan.
- Bandwidth: Get-CpBandwidth reads what the servers counted; Save-CpBandwidth records what billing lacks, once.
- Drift: Compare-CpAccount lists every difference between billing and the servers, Repair-CpAccount fixes it through the same account operations, Get-CpOperation shows the journal of server calls.
- Billing database: SQLite (default) or SQL Server, created and upgraded by Connect-CpBilling.
- Every change supports -WhatIf and -Confirm; limits are checked while parameters bind; every WHM call is logged with passwords and tokens masked.
- Runs on PowerShell 7.4+ (Windows, Linux, macOS), loading its dependencies in isolation beside SqlServer and dbatools. Windows PowerShell 5.1 support is built but not yet verified on 5.1 (see about_CpanelBilling).
'@
        }
    }
}
