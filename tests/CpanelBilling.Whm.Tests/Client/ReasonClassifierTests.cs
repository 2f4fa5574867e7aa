using CpanelBilling.Core;
using CpanelBilling.Core.Whm;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

/// <summary>Reasons as real servers word them (see whm-api-facts.md) and the kind a caller acts on.</summary>
public sealed class ReasonClassifierTests
{
    [Theory]
    // Exceptions with XID, curly quotes, and both prefixes.
    [InlineData("API failure: (XID 3y67mz) You do not have a user named \u201Cweb08\u201D.", FailureKind.NotFound)]
    [InlineData("API failure: (XID abc123) You do not have a user named \"bob\".", FailureKind.NotFound)]
    [InlineData("(XID ct5qpd) You do not have a user named \u201Cbob\u201D.", FailureKind.NotFound)]
    [InlineData("Account does not exist.", FailureKind.NotFound)]
    [InlineData("No accounts found.", FailureKind.NotFound)]
    [InlineData("System user bob does not exist!", FailureKind.NotFound)]
    [InlineData("Sorry, the user bob does not exist", FailureKind.NotFound)]
    [InlineData("API failure: (XID q1w2e3) Specified package does not exist.", FailureKind.NotFound)]
    [InlineData("The package \u201Cgold\u201D does not exist.", FailureKind.NotFound)]
    [InlineData("Invalid user: bob", FailureKind.NotFound)]
    [InlineData("Owner does not exist", FailureKind.NotFound)]
    // Already exists, with the Perl location suffix.
    [InlineData("(XID 5wsj8e) This system already has an account named \u201Cgtxoo\u201D. at /usr/local/cpanel/Whostmgr/Accounts/Create.pm line 601.", FailureKind.AlreadyExists)]
    [InlineData("(XID 5wsj8e) This system already has an account named \"gtxoo\". at /usr/local/cpanel/Whostmgr/Accounts/Create.pm line 601.\n", FailureKind.AlreadyExists)]
    [InlineData("(XID ct5qpd) The domain \u201Cngal1.com\u201D already exists in the Apache configuration.", FailureKind.AlreadyExists)]
    [InlineData("A DNS entry for \u201Ck-botfb.net\u201D already exists. You must remove this DNS entry from this server or all servers in the DNS cluster to proceed.", FailureKind.AlreadyExists)]
    [InlineData("The domain \u201Cexample.com\u201D already exists in the userdata for the user \u201Cbob\u201D.", FailureKind.AlreadyExists)]
    [InlineData("API failure: (XID x3k2p9) The package \u201Cgold\u201D already exists. If you wish to make changes, please edit the package.", FailureKind.AlreadyExists)]
    [InlineData("This system already has a group named \u201Cbob\u201D.", FailureKind.AlreadyExists)]
    [InlineData("This system already has a database owner named \u201Cbob\u201D.", FailureKind.AlreadyExists)]
    [InlineData("The name of another account on this server has the same initial 8 characters as the given username (bobby123). Each username\u2019s first 8 characters must be unique.", FailureKind.AlreadyExists)]
    [InlineData("The domain \u201Ca.example.com\u201D may not be created by \u201Cres1\u201D because \u201Cexample.com\u201D is already owned by \u201Cbob\u201D.", FailureKind.AlreadyExists)]
    // No free IP (exact wording unverified on real servers; the classifier goes by meaning).
    [InlineData("Sorry, there are no free IP addresses available for this account.", FailureKind.NoFreeIp)]
    [InlineData("(XID 9a8b7c) There are no more dedicated IPs available.", FailureKind.NoFreeIp)]
    [InlineData("No dedicated IP addresses are available.", FailureKind.NoFreeIp)]
    [InlineData("The IP address pool is empty.", FailureKind.NoFreeIp)]
    // Access denied.
    [InlineData("API failure: (XID 6ekdqc) You do not have access to an account named \u201Cbob\u201D.", FailureKind.PermissionDenied)]
    [InlineData("You do not have access to a package named \u201Cgold\u201D.", FailureKind.PermissionDenied)]
    [InlineData("You do not have permission to remove that account (bob)!", FailureKind.PermissionDenied)]
    [InlineData("You do not have permission to modify quotas.", FailureKind.PermissionDenied)]
    [InlineData("You do not own that account.", FailureKind.PermissionDenied)]
    [InlineData("Permission Denied", FailureKind.PermissionDenied)]
    [InlineData("Access denied", FailureKind.PermissionDenied)]
    [InlineData("You cannot use the \u201Cforcedns\u201D argument because you do not have root access.", FailureKind.PermissionDenied)]
    [InlineData("_unsuspendacct called for an account that can only be unsuspended by root (bob)", FailureKind.PermissionDenied)]
    [InlineData("\u201C_modpkg\u201D requires a package name that you have permission to access.", FailureKind.PermissionDenied)]
    [InlineData("Sorry you may not create any more accounts with the package gold.", FailureKind.PermissionDenied)]
    [InlineData("Sorry, you cannot have an account with an unlimited bandwidth limit.\n", FailureKind.PermissionDenied)]
    // Invalid arguments.
    [InlineData("\u201CTest1\u201D is not a valid username on this system.", FailureKind.InvalidArgument)]
    [InlineData("\u201Croot\u201D is a reserved username on this system.", FailureKind.InvalidArgument)]
    [InlineData("The system cannot accept \u201Cexample\u201D as a domain name (domain name must have a valid TLD label).", FailureKind.InvalidArgument)]
    [InlineData("Sorry, the bandwidth value you specified, 'abc', is invalid.  Only non-negative, integral, simple numeric values or 'unlimited' are allowed.", FailureKind.InvalidArgument)]
    [InlineData("Invalid value (abc) for quota supplied.", FailureKind.InvalidArgument)]
    [InlineData("Invalid value \u201C0\u201D for the \u201Cquota\u201D setting.", FailureKind.InvalidArgument)]
    [InlineData("Invalid month provided", FailureKind.InvalidArgument)]
    [InlineData("Unknown search type.", FailureKind.InvalidArgument)]
    [InlineData("No password supplied: \u201Cpassword\u201D is a required argument.", FailureKind.InvalidArgument)]
    [InlineData("API failure: Provide the \u201Cpkg\u201D parameter.", FailureKind.InvalidArgument)]
    [InlineData("The value of \u201Cpkg\u201D may not be empty.", FailureKind.InvalidArgument)]
    [InlineData("API failure: You must specify a user or domain to get a summary of.\n", FailureKind.InvalidArgument)]
    [InlineData("Must at least specify a user to modify.", FailureKind.InvalidArgument)]
    [InlineData("Sorry, the password you selected cannot be used because it is too weak and would be too easy to guess. Please select a password with strength rating of 65 or higher.", FailureKind.InvalidArgument)]
    [InlineData("The domain name may not be the same as a username.", FailureKind.InvalidArgument)]
    [InlineData("The specified IP address \u201C300.1.1.1\u201D is invalid.", FailureKind.InvalidArgument)]
    [InlineData("Unable to set to an unconfigured ip address", FailureKind.InvalidArgument)]
    [InlineData("Sorry, 192.0.2.11 is in use by another domain name and is not a shared ip.", FailureKind.InvalidArgument)]
    [InlineData("\u201Cextensions\u201D is a reserved package name.", FailureKind.InvalidArgument)]
    [InlineData("You must specify either the \u201Cpkgname\u201D or \u201Cname\u201D parameter.", FailureKind.InvalidArgument)]
    [InlineData("(XID 4f5g6h) The IP address \u201C203.0.113.9\u201D is not configured on this server.", FailureKind.InvalidArgument)]
    [InlineData("(XID 4f5g6h) The IP address \u201C192.0.2.11\u201D is already dedicated to \u201Cbob\u201D.", FailureKind.InvalidArgument)]
    [InlineData("(XID 4f5g6h) The user \u201Cjoe\u201D is not a reseller.", FailureKind.InvalidArgument)]
    [InlineData("User does not own the domain provided.", FailureKind.InvalidArgument)]
    // Other: nothing a caller can act on by kind. Must never be mistaken for "not found" (which means "already gone").
    [InlineData("Unknown app (\"csf_allow\") requested for this version (1) of the API.", FailureKind.Other)]
    [InlineData("Failed to suspend account.", FailureKind.Other)]
    [InlineData("Unable to determine hostname.", FailureKind.Other)]
    [InlineData("You must move all accounts using the package \u201Cgold\u201D to another package before removing it.", FailureKind.Other)]
    [InlineData("", FailureKind.Other)]
    [InlineData(null, FailureKind.Other)]
    public void Classifies_reason(string? reason, FailureKind expected)
    {
        Assert.Equal(expected, ReasonClassifier.Classify(reason));
    }

    [Theory]
    [InlineData("API failure: (XID 3y67mz) You do not have a user named \u201Cweb08\u201D.", "You do not have a user named \"web08\".")]
    [InlineData("(XID 5wsj8e) This system already has an account named \u201Cgtxoo\u201D. at /usr/local/cpanel/Whostmgr/Accounts/Create.pm line 601.", "This system already has an account named \"gtxoo\".")]
    [InlineData("  Each username\u2019s  first\n8 characters  ", "Each username's first 8 characters")]
    [InlineData("(XID aaaaaa) API failure: nested", "nested")]
    public void Normalizes_decorations_away(string reason, string expected)
    {
        Assert.Equal(expected, ReasonClassifier.Normalize(reason));
    }
}
