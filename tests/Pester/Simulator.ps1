# Starts and stops the WHM simulator (src/CpanelBilling.WhmSimulator) for the lifecycle test and the demo.
# Dot-source it. The simulator listens on a free loopback port over HTTPS with a certificate it makes at start, and
# prints 'Listening on URL' and 'Certificate SHA256: HEX'; we pin that thumbprint, as a user pins a real server's.
#
# It starts with the test knob --usage-mb (not WHM behaviour): every account it creates has that much bandwidth usage
# in its first month, so the lifecycle's bandwidth step has usage to record.
#
# To run the lifecycle against a simulator you started yourself (to watch its request lines, to debug it, or to
# save the start-up), start it with --usage-mb too and set all three of these; Start-CpSimulator then uses it and
# Stop-CpSimulator leaves it running:
#   CPBILLING_SIMULATOR_URL         e.g. https://127.0.0.1:2087
#   CPBILLING_SIMULATOR_THUMBPRINT  the 'Certificate SHA256' it printed
#   CPBILLING_SIMULATOR_TOKEN       the token it was started with (--token)
#   CPBILLING_SIMULATOR_USER        optional: the WHM user it was started with (--user); default root
# for example:
#   dotnet run --project src/CpanelBilling.WhmSimulator -- --urls https://127.0.0.1:2087 --token MYTOKEN --usage-mb 5

function Start-CpSimulator {
    param(
        [Parameter(Mandatory)] [string] $RepoRoot,
        [string] $Configuration = 'Release',
        [timespan] $StartTimeout = [timespan]::FromMinutes(3),
        # Megabytes of bandwidth usage each new account starts with (the simulator's --usage-mb test knob).
        [ValidateRange(0, 1073741824)] [long] $NewAccountUsageMb = 5
    )
    $running = Get-CpRunningSimulator
    if ($running) { return $running }

    $token = New-CpTestToken
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in 'run', '--project', (Join-Path $RepoRoot 'src' 'CpanelBilling.WhmSimulator'), '-c', $Configuration,
        '--no-launch-profile', '--', '--urls', 'https://127.0.0.1:0', '--token', $token, '--usage-mb', "$NewAccountUsageMb") {
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

    New-CpSimulatorHandle -Url $url -Thumbprint $thumbprint -Token $token -Process $process
}

function Stop-CpSimulator {
    param([Parameter(Mandatory)] $Simulator)
    # Only a simulator this session started has a process; one named by the environment is the user's to stop.
    if ($Simulator.Process -and -not $Simulator.Process.HasExited) {
        $Simulator.Process.Kill($true)
        $null = $Simulator.Process.WaitForExit(10000)
    }
}

function Get-CpRunningSimulator {
    # The simulator the CPBILLING_SIMULATOR_* variables name, or nothing when none of them is set.
    $settings = [ordered]@{
        CPBILLING_SIMULATOR_URL        = $env:CPBILLING_SIMULATOR_URL
        CPBILLING_SIMULATOR_THUMBPRINT = $env:CPBILLING_SIMULATOR_THUMBPRINT
        CPBILLING_SIMULATOR_TOKEN      = $env:CPBILLING_SIMULATOR_TOKEN
    }
    $missing = @($settings.Keys | Where-Object { -not $settings[$_] })
    if ($missing.Count -eq $settings.Count) { return }
    if ($missing.Count -gt 0) {
        # Half a configuration is a mistake: starting another simulator instead would hide it.
        throw "To use a running WHM simulator, set all of CPBILLING_SIMULATOR_URL, _THUMBPRINT and _TOKEN; missing: $($missing -join ', ')."
    }
    $user = if ($env:CPBILLING_SIMULATOR_USER) { $env:CPBILLING_SIMULATOR_USER } else { 'root' }
    New-CpSimulatorHandle -Url $settings.CPBILLING_SIMULATOR_URL -Thumbprint $settings.CPBILLING_SIMULATOR_THUMBPRINT -Token $settings.CPBILLING_SIMULATOR_TOKEN -User $user
}

function New-CpSimulatorHandle {
    param(
        [Parameter(Mandatory)] [uri] $Url,
        [Parameter(Mandatory)] [string] $Thumbprint,
        [Parameter(Mandatory)] [string] $Token,
        [string] $User = 'root',
        [System.Diagnostics.Process] $Process
    )
    [pscustomobject]@{
        Process    = $Process
        Url        = $Url
        HostName   = $Url.Host
        Port       = $Url.Port
        Thumbprint = $Thumbprint
        User       = $User
        Token      = $Token
    }
}

function New-CpTestToken {
    # A random token for one run; the simulator accepts only it.
    -join ((1..32) | ForEach-Object { '{0:X2}' -f (Get-Random -Minimum 0 -Maximum 256) })
}
