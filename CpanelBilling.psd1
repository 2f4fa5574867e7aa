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
            ReleaseNotes = 'First release: WHM API 1 client and Test-CpServerConnection; the module loads its dependencies in isolation beside SqlServer and dbatools.'
        }
    }
}
