# The account lifecycle that ./build.ps1 -Task Demo shows (Lifecycle.Demo.ps1) and the Pester suite checks
# (Lifecycle.Tests.ps1), written once so the two cannot drift apart. Dot-source it, with the module imported.
#
# Invoke-CpLifecycle runs every step against a WHM server (the simulator; see Simulator.ps1) and a billing database
# of its own, and keeps what each step returned in -Record under the step's key, as it goes: a failed step stops the
# run with its error, and the record still holds every step before it.

function Invoke-CpLifecycle {
    [CmdletBinding()]
    param(
        # A handle from Start-CpSimulator: HostName, Port, Thumbprint, User, Token.
        [Parameter(Mandatory)] $Simulator,
        # The SQLite file to create; the WHM call log is written beside it ("$Database.calls.log").
        [Parameter(Mandatory)] [string] $Database,
        [Parameter(Mandatory)] [System.Collections.IDictionary] $Record,
        # Starts the names of the account and the packages, so runs against one simulator stay apart.
        [ValidatePattern('^[a-z]{1,4}$')] [string] $Prefix = 'demo',
        # Show each step's title and result on the host (the demo).
        [switch] $Show
    )
    $ErrorActionPreference = 'Stop'

    # cPanel user names tell accounts apart by their first 8 characters: the prefix and 4 random hex digits.
    $user = '{0}{1:x4}' -f $Prefix, (Get-Random -Maximum 65536)
    $server = 'web01'
    $basicPackage = "${Prefix}_basic"
    $proPackage = "${Prefix}_pro"
    $month = (Get-Date).ToUniversalTime()
    $token = ConvertTo-SecureString -String $Simulator.Token -AsPlainText -Force
    $credential = [pscredential]::new($Simulator.User, $token)
    $password = 'Lc!{0}Q7' -f [guid]::NewGuid().ToString('N')

    $Record.UserName = $user
    $Record.LogPath = "$Database.calls.log"

    # $View picks what the demo shows of a step that records several things.
    function Step([string] $Key, [string] $Title, [scriptblock] $Action, [scriptblock] $View = { $args[0] }) {
        if ($Show) { Write-Host "`n== $Title" -ForegroundColor Cyan }
        $result = & $Action
        $Record[$Key] = $result
        if ($Show -and $null -ne $result) { & $View $result | Format-List | Out-Host }
    }

    # The token goes to the session, as a runbook passes its credential asset: Add-CpServer -Credential would also
    # store it in a SecretManagement vault where one is installed, and a demo must not write to the user's vaults.
    Step Connection "Billing database $Database, call log $($Record.LogPath), API token of $server for this session" {
        Connect-CpBilling -Database $Database -LogPath $Record.LogPath -Server $server -Credential $credential -PassThru
    }

    Step Server "Add the server $server ($($Simulator.Url)), its certificate pinned" {
        Add-CpServer -Name $server -HostName $Simulator.HostName -Port $Simulator.Port -WhmUser $Simulator.User `
            -CertificateThumbprint $Simulator.Thumbprint
    }

    Step Connected 'Test the connection' {
        Test-CpServerConnection -Name $server
    }

    Step WrongPin 'A host whose certificate does not match the pin is refused (a result, not an error)' {
        Test-CpServerConnection -HostName $Simulator.HostName -Port $Simulator.Port -Credential $credential `
            -CertificateThumbprint ('00' * 32)
    }

    Step Sync "Read the server's packages and IP addresses into billing" {
        Sync-CpServer -Name $server
    }

    Step Packages 'Add two packages on the server' {
        New-CpPackage -Server $server -Name $basicPackage -Quota 1024 -BandwidthLimit 10240 -MaxAddons 1
        New-CpPackage -Server $server -Name $proPackage -Quota 4096 -BandwidthLimit 51200 -MaxAddons 5
    }

    Step Customer 'Add a customer' {
        New-CpCustomer -Login $user -DisplayName 'Lifecycle customer' -Email "$user@example.com"
    }

    Step Plans 'Add plans sold as those packages (Pro with a dedicated IP)' {
        New-CpPlan -Name Basic -Server $server -Package $basicPackage
        New-CpPlan -Name Pro -Server $server -Package $proPackage -DedicatedIp
    }

    Step Opened "Open $user on Basic with a dedicated IP and its own disk and bandwidth limits" {
        New-CpAccount -Server $server -Customer $user -Plan Basic -Domain "$user.example.com" -UserName $user `
            -Password (ConvertTo-SecureString -String $password -AsPlainText -Force) -DedicatedIp -Bandwidth 20480 -Disk 2048
    }

    Step WhatIf 'Get-CpAccount | Suspend-CpAccount -WhatIf: says what it would do, changes nothing' {
        Get-CpAccount -Server $server -UserName $user | Suspend-CpAccount -Reason 'Overdue invoice' -WhatIf
        Get-CpAccount -Server $server -UserName $user
    }

    Step Suspended 'Suspend the account' {
        Suspend-CpAccount -Server $server -UserName $user -Reason 'Overdue invoice' -PassThru
    }

    Step Resumed 'Resume it' {
        Resume-CpAccount -Server $server -UserName $user -PassThru
    }

    Step Moved 'Move it to Pro (changepackage resets its limits on the server; its own are applied again)' {
        $moved = Set-CpAccountPackage -Server $server -UserName $user -Plan Pro -PassThru -WarningVariable notes
        [pscustomobject]@{ Account = $moved; Warnings = @($notes); After = Get-CpAccount -Server $server -UserName $user }
    } -View { $args[0].After }

    Step Bandwidth "Bandwidth of $($month.ToString('yyyy-MM')): read, record, and record again" {
        $read = @(Get-CpBandwidth -Server $server -Year $month.Year -Month $month.Month)
        $first = @($read | Save-CpBandwidth -PassThru)
        $second = @(Save-CpBandwidth -Server $server -Year $month.Year -Month $month.Month -PassThru)
        [pscustomobject]@{ Read = $read; First = $first; Second = $second }
    } -View { $args[0].Second }

    Step NotFound 'An account billing does not know fails alone; the others go on' {
        $accounts = 'nosuchuser', $user | ForEach-Object { [pscustomobject]@{ Server = $server; UserName = $_ } }
        $resumed = @($accounts | Resume-CpAccount -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures)
        [pscustomobject]@{ Resumed = $resumed; Errors = @($failures) }
    } -View { $args[0].Errors | ForEach-Object { "$($_.CategoryInfo.Category) $($_.TargetObject): $($_.Exception.Message)" } }

    Step Removed 'Remove the account (its dedicated IP is freed)' {
        $removed = Remove-CpAccount -Server $server -UserName $user -Force -PassThru
        [pscustomobject]@{
            Account = $removed
            Kept    = Get-CpAccount -Server $server -UserName $user -IncludeDeleted
            Live    = @(Get-CpAccount -Server $server)
        }
    } -View { $args[0].Kept }

    Step CallLog 'The WHM call log: one JSON line per call, no secret' {
        $text = [System.IO.File]::ReadAllText($Record.LogPath)
        $calls = foreach ($line in $text -split '\r?\n' | Where-Object { $_ }) {
            $entry = [System.Text.Json.JsonDocument]::Parse($line)
            try { [pscustomobject]@{ Server = $entry.RootElement.GetProperty('server').GetString(); Function = $entry.RootElement.GetProperty('function').GetString() } }
            finally { $entry.Dispose() }
        }
        [pscustomobject]@{
            Calls       = @($calls)
            HasToken    = $text.Contains($Simulator.Token)
            HasPassword = $text.Contains($password)
        }
    } -View {
        $counts = [ordered]@{}
        foreach ($call in $args[0].Calls) { $counts[$call.Function] = 1 + $counts[$call.Function] }
        [pscustomobject]$counts
    }
}

function New-CpLifecycleDatabasePath([string] $Name) {
    # A fresh SQLite file in the temp folder; Remove-Item "$path*" removes it with its journal and call log.
    Join-Path ([System.IO.Path]::GetTempPath()) "cpbilling-$Name-$([guid]::NewGuid().ToString('N')).db"
}
