# TEST STUB, NOT MICROSOFT.POWERSHELL.SECRETMANAGEMENT.
#
# SecretVaultCommandTests loads this body as a module named Microsoft.PowerShell.SecretManagement (New-Module), because
# the real module is not installed here. It offers the two commands CpanelBilling uses, with the parameters, parameter
# sets, output types and errors of SecretManagement 1.1 (learn.microsoft.com/powershell/module/
# microsoft.powershell.secretmanagement): Get-Secret returns a string or SecureString secret as a SecureString unless
# -AsPlainText, writes the non-terminating GetSecretNotFound error when no vault holds the name, and a vault that is
# not registered is a terminating error, as in Set-Secret. The registered vaults are a hashtable the test hands in
# (vault name -> hashtable of secrets), shared by every runspace it loads the stub into, as a real vault is.

param(
    [Parameter(Mandatory)] [hashtable] $Vaults,
    [Parameter(Mandatory)] [string] $DefaultVault
)

function Get-Secret {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)] [string] $Name,
        [Parameter(Position = 1)] [string] $Vault,
        [switch] $AsPlainText
    )
    process {
        if ($Vault -and -not $Vaults.ContainsKey($Vault)) { $PSCmdlet.ThrowTerminatingError((New-VaultNotFound $Vault)) }
        $searched = if ($Vault) { @($Vault) } else { @($DefaultVault) + @($Vaults.Keys | Where-Object { $_ -ne $DefaultVault }) }
        foreach ($vaultName in $searched) {
            $secrets = $Vaults[$vaultName]
            if (-not $secrets.ContainsKey($Name)) { continue }
            $secret = $secrets[$Name]
            if ($secret -is [string] -and -not $AsPlainText) {
                $secure = [System.Security.SecureString]::new()
                foreach ($character in $secret.ToCharArray()) { $secure.AppendChar($character) }
                return $secure
            }
            if ($secret -is [securestring] -and $AsPlainText) { return [System.Net.NetworkCredential]::new('', $secret).Password }
            return $secret
        }
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                [System.Management.Automation.ItemNotFoundException]::new("The secret $Name was not found."), 'GetSecretNotFound', 'ObjectNotFound', $null))
    }
}

function Set-Secret {
    [CmdletBinding(DefaultParameterSetName = 'SecureStringParameterSet', SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)] [ValidateNotNullOrEmpty()] [string] $Name,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline, ParameterSetName = 'ObjectParameterSet')] [object] $Secret,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline, ParameterSetName = 'SecureStringParameterSet')] [securestring] $SecureStringSecret,
        [Parameter(Position = 2)] [string] $Vault,
        [switch] $NoClobber
    )
    process {
        if ($Vault -and -not $Vaults.ContainsKey($Vault)) { $PSCmdlet.ThrowTerminatingError((New-VaultNotFound $Vault)) }
        $vaultName = if ($Vault) { $Vault } else { $DefaultVault }
        $value = if ($PSCmdlet.ParameterSetName -eq 'SecureStringParameterSet') { $SecureStringSecret.Copy() } else { $Secret }
        if ($NoClobber -and $Vaults[$vaultName].ContainsKey($Name)) {
            $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                    [System.InvalidOperationException]::new("A secret with name $Name already exists in vault $vaultName."), 'AddSecretAlreadyExists', 'ResourceExists', $null))
        }
        if ($PSCmdlet.ShouldProcess($vaultName, "Write secret $Name")) { $Vaults[$vaultName][$Name] = $value }
    }
}

function New-VaultNotFound([string] $Name) {
    [System.Management.Automation.ErrorRecord]::new(
        [System.Management.Automation.PSInvalidOperationException]::new("Vault not found in registry: $Name"), 'GetSecretVaultNotFound', 'ObjectNotFound', $null)
}

Export-ModuleMember -Function Get-Secret, Set-Secret
