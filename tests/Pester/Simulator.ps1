# Starts and stops the WHM simulator (src/CpanelBilling.WhmSimulator) for the lifecycle test and the demo.
# Dot-source it. The simulator listens on a free loopback port over HTTPS with a certificate it makes at start, and
# prints 'Listening on URL' and 'Certificate SHA256: HEX'; we pin that thumbprint, as a user pins a real server's.

function Start-CpSimulator {
    param(
        [Parameter(Mandatory)] [string] $RepoRoot,
        [Parameter(Mandatory)] [string] $Token,
        [string] $Configuration = 'Release',
        [timespan] $StartTimeout = [timespan]::FromMinutes(3)
    )
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in 'run', '--project', (Join-Path $RepoRoot 'src' 'CpanelBilling.WhmSimulator'), '-c', $Configuration,
        '--no-launch-profile', '--', '--urls', 'https://127.0.0.1:0', '--token', $Token) {
        $start.ArgumentList.Add($argument)
    }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $url = $null
    $thumbprint = $null
    $deadline = [datetime]::UtcNow + $StartTimeout
    while (-not ($url -and $thumbprint)) {
        $remaining = $deadline - [datetime]::UtcNow
        $read = $process.StandardOutput.ReadLineAsync()
        if ($remaining -le [timespan]::Zero -or -not $read.Wait($remaining) -or $null -eq $read.Result) {
            Stop-CpSimulator -Simulator ([pscustomobject]@{ Process = $process })
            throw "The WHM simulator did not report its URL and certificate within $StartTimeout."
        }
        if ($read.Result -match 'Listening on (?<url>https?://\S+)') { $url = $Matches.url }
        elseif ($read.Result -match 'Certificate SHA256: (?<hex>[0-9A-Fa-f]{64})') { $thumbprint = $Matches.hex }
    }
    # Keep reading what it prints, so a full pipe never blocks it.
    $null = $process.StandardOutput.ReadToEndAsync()

    $uri = [uri] $url
    [pscustomobject]@{ Process = $process; Url = $uri; HostName = $uri.Host; Port = $uri.Port; Thumbprint = $thumbprint }
}

function Stop-CpSimulator {
    param([Parameter(Mandatory)] $Simulator)
    if ($Simulator.Process -and -not $Simulator.Process.HasExited) {
        $Simulator.Process.Kill($true)
        $null = $Simulator.Process.WaitForExit(10000)
    }
}

function New-CpTestToken {
    # A random token for one run; the simulator accepts only it.
    -join ((1..32) | ForEach-Object { '{0:X2}' -f (Get-Random -Minimum 0 -Maximum 256) })
}
