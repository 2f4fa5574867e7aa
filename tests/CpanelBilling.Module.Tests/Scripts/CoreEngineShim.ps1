# TEST SHIM, NOT PESTER, NOT POWERSHELL'S OWN CMDLETS.
#
# LifecycleScriptsOnCoreEngine runs tests/Pester/Lifecycle.Demo.ps1 and tests/Pester/Lifecycle.Tests.ps1 on the real
# PowerShell engine (System.Management.Automation, in process), which brings only Microsoft.PowerShell.Core. This file
# stands in for the little the scripts use beyond Core: a few Utility/Management/Security cmdlets, reduced to what
# the scripts need, and a small subset of Pester 5 (Describe, Context, It, BeforeAll, AfterAll, BeforeDiscovery and
# Should with the operators the lifecycle file uses, with Pester's comparison rules). Anything else fails loudly, so
# a script that starts to need more shows up here instead of passing by accident. Real pwsh and real Pester still
# have the last word: .ci/run runs them where pwsh exists.

# ---- Microsoft.PowerShell.Utility / Management / Security stand-ins -------------------------------------------

function Write-Host {
    param(
        [Parameter(Position = 0, ValueFromRemainingArguments)] [object[]] $Object,
        [System.ConsoleColor] $ForegroundColor,
        [System.ConsoleColor] $BackgroundColor,
        [switch] $NoNewline
    )
    $text = ($Object | ForEach-Object { "$_" }) -join ' '
    if ($NoNewline) { $Host.UI.Write($text) } else { $Host.UI.WriteLine($text) }
}

# Formatting is left to Out-Host (Core), which shows objects with their default view.
function Format-List { param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(ValueFromRemainingArguments)] $Ignored) process { $InputObject } }
function Format-Table { param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(ValueFromRemainingArguments)] $Ignored) process { $InputObject } }

function Join-Path {
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Path,
        [Parameter(Mandatory, Position = 1)] [string] $ChildPath,
        [Parameter(Position = 2, ValueFromRemainingArguments)] [string[]] $AdditionalChildPath
    )
    $separator = [System.IO.Path]::DirectorySeparatorChar
    $joined = $Path
    foreach ($child in @($ChildPath) + @($AdditionalChildPath | Where-Object { $_ })) {
        $joined = $joined.TrimEnd('/', '\') + $separator + $child.TrimStart('/', '\')
    }
    $joined
}

# Returns the full path as a string (Resolve-Path returns a PathInfo; the scripts only use it as a path).
function Resolve-Path {
    param([Parameter(Mandatory, Position = 0)] [string] $Path)
    $full = [System.IO.Path]::GetFullPath($Path)
    if (-not ([System.IO.File]::Exists($full) -or [System.IO.Directory]::Exists($full))) {
        throw [System.Management.Automation.ItemNotFoundException]::new("Cannot find path '$Path' because it does not exist.")
    }
    $full
}

# Files only, with * and ? in the file name.
function Remove-Item {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string[]] $Path, [switch] $Force)
    foreach ($item in $Path) {
        $folder = [System.IO.Path]::GetDirectoryName([System.IO.Path]::GetFullPath($item))
        $name = [System.IO.Path]::GetFileName($item)
        if ([System.IO.Directory]::Exists($item)) { throw "The shim's Remove-Item removes files only, not the folder '$item'." }
        $files = if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($name)) {
            @([System.IO.Directory]::GetFiles($folder, $name))
        }
        else {
            @($item | Where-Object { [System.IO.File]::Exists($_) })
        }
        if ($files.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($name)) {
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                    [System.Management.Automation.ItemNotFoundException]::new("Cannot find path '$item' because it does not exist."), 'PathNotFound', 'ObjectNotFound', $item))
        }
        foreach ($file in $files) { [System.IO.File]::Delete($file) }
    }
}

function ConvertTo-SecureString {
    param([Parameter(Mandatory, Position = 0)] [string] $String, [switch] $AsPlainText, [switch] $Force)
    if (-not ($AsPlainText -and $Force)) { throw 'The shim converts plain text only, with -AsPlainText -Force as PowerShell requires.' }
    $secure = [System.Security.SecureString]::new()
    foreach ($character in $String.ToCharArray()) { $secure.AppendChar($character) }
    $secure.MakeReadOnly()
    $secure
}

function Get-Date {
    if ($args.Count -gt 0) { throw "The shim's Get-Date takes no parameters." }
    [datetime]::Now
}

function Get-Random {
    param([int] $Minimum = 0, [int] $Maximum = [int]::MaxValue)
    [System.Random]::Shared.Next($Minimum, $Maximum)
}

# As PowerShell's own does: parse the file and read its one hashtable, evaluating nothing but constants.
function Import-PowerShellDataFile {
    param([Parameter(Mandatory)] [string] $Path)
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
    if ($errors.Count -gt 0) { throw "Cannot parse '$Path': $($errors[0].Message)" }
    $data = $ast.Find({ $args[0] -is [System.Management.Automation.Language.HashtableAst] }, $false)
    if (-not $data) { throw "'$Path' holds no hashtable." }
    $data.SafeGetValue()
}

# ---- A subset of Pester 5 ---------------------------------------------------------------------------------------
# Discovery runs the file: Describe/Context run their bodies to register It, BeforeAll and AfterAll; BeforeDiscovery
# runs at once. Then each block runs its BeforeAll (in the block's scope), its Its (each in a child scope, with
# $ErrorActionPreference Stop), its child blocks, and its AfterAll. A failed BeforeAll fails every It under it.
# Variables of this shim start with __Shim so they never collide with the test's own.

$global:__ShimCurrentBlock = $null

function New-ShimBlock([string] $Name, [string] $Path) {
    [pscustomobject]@{ Name = $Name; Path = $Path; BeforeAll = [System.Collections.Generic.List[scriptblock]]::new(); AfterAll = [System.Collections.Generic.List[scriptblock]]::new(); Items = [System.Collections.Generic.List[object]]::new() }
}

function Invoke-ShimPester {
    param([Parameter(Mandatory)] [string] $Path)
    $__ShimRoot = New-ShimBlock -Name ([System.IO.Path]::GetFileName($Path)) -Path ''
    $global:__ShimCurrentBlock = $__ShimRoot
    try { $null = & $Path }
    finally { $global:__ShimCurrentBlock = $null }
    $__ShimResults = [System.Collections.Generic.List[object]]::new()
    Invoke-ShimBlock -__ShimBlock $__ShimRoot -__ShimResults $__ShimResults -__ShimSetupError $null
    $__ShimResults
}

function Add-ShimBlock([string] $Name, [scriptblock] $Body, [object[]] $ForEach) {
    if ($null -eq $global:__ShimCurrentBlock) { throw "$Name`: Describe/Context outside Invoke-ShimPester." }
    if ($ForEach) { throw "The shim does not support -ForEach ($Name)." }
    $parent = $global:__ShimCurrentBlock
    $path = if ($parent.Path) { "$($parent.Path) > $Name" } else { $Name }
    $block = New-ShimBlock -Name $Name -Path $path
    $parent.Items.Add($block)
    $global:__ShimCurrentBlock = $block
    try { $null = & $Body }
    finally { $global:__ShimCurrentBlock = $parent }
}

function Describe { param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Mandatory, Position = 1)] [scriptblock] $Fixture, [object[]] $ForEach) Add-ShimBlock $Name $Fixture $ForEach }
function Context { param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Mandatory, Position = 1)] [scriptblock] $Fixture, [object[]] $ForEach) Add-ShimBlock $Name $Fixture $ForEach }

function It {
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [Parameter(Mandatory, Position = 1)] [scriptblock] $Test, [object[]] $ForEach, [switch] $Skip)
    if ($ForEach) { throw "The shim does not support -ForEach ($Name)." }
    if ($Skip) { throw "The shim does not support -Skip ($Name)." }
    $global:__ShimCurrentBlock.Items.Add([pscustomobject]@{ Name = $Name; Test = $Test })
}

function BeforeAll { param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) $global:__ShimCurrentBlock.BeforeAll.Add($Scriptblock) }
function AfterAll { param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) $global:__ShimCurrentBlock.AfterAll.Add($Scriptblock) }
function BeforeDiscovery { param([Parameter(Mandatory, Position = 0)] [scriptblock] $Scriptblock) $null = . $Scriptblock }

function Invoke-ShimBlock($__ShimBlock, $__ShimResults, $__ShimSetupError) {
    try {
        if ($null -eq $__ShimSetupError) {
            try { foreach ($__ShimSetup in $__ShimBlock.BeforeAll) { $null = . $__ShimSetup } }
            catch { $__ShimSetupError = $_ }
        }
        foreach ($__ShimItem in $__ShimBlock.Items) {
            if ($__ShimItem.PSObject.Properties['Items']) {
                Invoke-ShimBlock -__ShimBlock $__ShimItem -__ShimResults $__ShimResults -__ShimSetupError $__ShimSetupError
                continue
            }
            $__ShimName = if ($__ShimBlock.Path) { "$($__ShimBlock.Path) > $($__ShimItem.Name)" } else { $__ShimItem.Name }
            if ($null -ne $__ShimSetupError) {
                $__ShimResults.Add([pscustomobject]@{ Name = $__ShimName; Passed = $false; Message = "BeforeAll failed: $__ShimSetupError" })
                continue
            }
            try {
                $null = & { $ErrorActionPreference = 'Stop'; . $args[0] } $__ShimItem.Test
                $__ShimResults.Add([pscustomobject]@{ Name = $__ShimName; Passed = $true; Message = '' })
            }
            catch {
                $__ShimResults.Add([pscustomobject]@{ Name = $__ShimName; Passed = $false; Message = "$_ $($_.InvocationInfo.PositionMessage)" })
            }
        }
    }
    finally {
        foreach ($__ShimTeardown in $__ShimBlock.AfterAll) {
            try { $null = . $__ShimTeardown }
            catch { $__ShimResults.Add([pscustomobject]@{ Name = "AfterAll of $($__ShimBlock.Name)"; Passed = $false; Message = "$_" }) }
        }
    }
}

# Should, with Pester's rules: -Be, -Contain and -BeNullOrEmpty judge the whole input, the others each item (no input:
# $null once); -Be compares arrays item by item with the expected value on the left of -eq, so 'Active' -eq an enum
# compares as text. A failure names the Should line of the test.
function Should {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] [AllowNull()] [object] $ActualValue,
        [switch] $Not,
        [object] $Be, [switch] $BeNullOrEmpty, [object] $Contain,
        [switch] $BeTrue, [switch] $BeFalse, [object] $BeGreaterThan, [object] $BeGreaterOrEqual, [string] $BeLike, [string] $Match,
        [string] $Because
    )
    begin { $__ShimInput = [System.Collections.Generic.List[object]]::new() }
    process { $__ShimInput.Add($ActualValue) }
    end {
        $operator = @('Be', 'BeNullOrEmpty', 'Contain', 'BeTrue', 'BeFalse', 'BeGreaterThan', 'BeGreaterOrEqual', 'BeLike', 'Match') |
            Where-Object { $PSBoundParameters.ContainsKey($_) }
        if (@($operator).Count -ne 1) { throw "Should needs exactly one operator (got: $($operator -join ', '))." }
        $whole = $__ShimInput.ToArray()
        switch ($operator) {
            'Be' { $ok = Test-ShimArraysEqual $whole @($Be); $expected = "to be $(Format-ShimValue $Be)" }
            'BeNullOrEmpty' {
                $ok = $whole.Count -eq 0 -or ($whole.Count -eq 1 -and $(if ($whole[0] -is [hashtable]) { $whole[0].Count -eq 0 } else { [string]::IsNullOrEmpty($whole[0]) }))
                $expected = 'to be null or empty'
            }
            'Contain' { $ok = $whole -contains $Contain; $expected = "to contain $(Format-ShimValue $Contain)" }
            default {
                # Every item must pass (with -Not: fail) the operator.
                $items = $whole
                if ($whole.Count -eq 0) { $items = [object[]]::new(1) }
                $ok = $true
                foreach ($item in $items) {
                    $itemOk = switch ($operator) {
                        'BeTrue' { [bool] $item }
                        'BeFalse' { -not $item }
                        'BeGreaterThan' { $item -gt $BeGreaterThan }
                        'BeGreaterOrEqual' { $item -ge $BeGreaterOrEqual }
                        'BeLike' { $item -like $BeLike }
                        'Match' { $item -match $Match }
                    }
                    if ($itemOk -eq [bool] $Not) { $ok = $false }
                }
                $expected = switch ($operator) {
                    'BeTrue' { 'to be $true' }
                    'BeFalse' { 'to be $false' }
                    'BeGreaterThan' { "to be greater than $(Format-ShimValue $BeGreaterThan)" }
                    'BeGreaterOrEqual' { "to be at least $(Format-ShimValue $BeGreaterOrEqual)" }
                    'BeLike' { "to be like '$BeLike'" }
                    'Match' { "to match '$Match'" }
                }
            }
        }
        if ($Not) {
            if ($operator -in 'Be', 'BeNullOrEmpty', 'Contain') { $ok = -not $ok }
            $expected = "not $expected"
        }
        if (-not $ok) {
            $because = if ($Because) { " because $Because," } else { '' }
            $message = "Expected $(Format-ShimValue $whole) $expected,$because but it was not."
            $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                    [System.Exception]::new($message), 'ShimAssertionFailed', 'InvalidResult', $null))
        }
    }
}

function Test-ShimArraysEqual([object[]] $First, [object[]] $Second) {
    $firstEmpty = $null -eq $First -or $First.Count -eq 0 -or ($First.Count -eq 1 -and $null -eq $First[0])
    $secondEmpty = $null -eq $Second -or $Second.Count -eq 0 -or ($Second.Count -eq 1 -and $null -eq $Second[0])
    if ($firstEmpty -or $secondEmpty) { return $firstEmpty -and $secondEmpty }
    if ($First.Count -ne $Second.Count) { return $false }
    for ($i = 0; $i -lt $First.Count; $i++) {
        if ($First[$i] -is [array] -or $Second[$i] -is [array]) {
            if (-not (Test-ShimArraysEqual $First[$i] $Second[$i])) { return $false }
        }
        elseif (-not ($Second[$i] -eq $First[$i])) { return $false }
    }
    $true
}

function Format-ShimValue($Value) {
    $all = @($Value)
    $shown = foreach ($item in $all) { if ($null -eq $item) { '$null' } else { "'$item'" } }
    if ($all.Count -eq 1) { $shown } else { "@($($shown -join ', '))" }
}
