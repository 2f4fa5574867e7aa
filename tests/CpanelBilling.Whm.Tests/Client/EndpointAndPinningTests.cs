using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CpanelBilling.Core.Whm;
using Xunit;

namespace CpanelBilling.Whm.Tests.Client;

public sealed class EndpointAndPinningTests
{
    private const string Pin = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(Pin)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("01:23:45:67:89:AB:CD:EF:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF")]
    [InlineData(" 01 23 45 67 89 ab cd ef-01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef ")]
    public void Thumbprints_are_accepted_in_any_case_with_separators(string input)
    {
        Assert.Equal(Pin, new WhmEndpoint("whm.example.com", 2087, input).PinnedCertificateSha256);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567")] // SHA-1 length
    [InlineData("zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("")]
    public void Malformed_thumbprints_are_refused(string input)
    {
        Assert.Throws<ArgumentException>(() => WhmEndpoint.NormalizeThumbprint(input));
    }

    [Fact]
    public void Endpoints_default_to_port_2087_and_compare_by_host_port_and_pin()
    {
        var endpoint = new WhmEndpoint("WHM.Example.com");

        Assert.Equal(new Uri("https://whm.example.com:2087/"), endpoint.BaseUri);
        Assert.Equal(endpoint, new WhmEndpoint("whm.example.com", 2087));
        Assert.NotEqual(endpoint, new WhmEndpoint("whm.example.com", 2088));
        Assert.NotEqual(endpoint, new WhmEndpoint("whm.example.com", 2087, Pin));
        Assert.Equal("[::1]:2087", new WhmEndpoint("::1").ToString());
        Assert.Throws<ArgumentException>(() => new WhmEndpoint("https://whm.example.com"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WhmEndpoint("whm.example.com", 0));
    }

    [Fact]
    public void The_factory_keeps_one_connection_per_endpoint_whatever_the_credential()
    {
        using var factory = new WhmClientFactory();

        factory.CreateClient(new WhmEndpoint("a.example.com"), new WhmCredential("root", "T1"));
        factory.CreateClient(new WhmEndpoint("A.EXAMPLE.COM"), new WhmCredential("reseller", "T2"));
        factory.CreateClient(new WhmEndpoint("b.example.com"), new WhmCredential("root", "T1"));

        Assert.Equal(2, factory.ConnectionCount);
        factory.Dispose();
        Assert.Throws<ObjectDisposedException>(() => factory.CreateClient(new WhmEndpoint("a.example.com"), new WhmCredential("root", "T1")));
    }

    [Fact]
    public void The_validator_trusts_exactly_the_pinned_certificate()
    {
        using X509Certificate2 certificate = CreateSelfSigned();
        using X509Certificate2 other = CreateSelfSigned();
        string thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        using var request = new HttpRequestMessage();

        var pinned = new CertificatePinValidator(WhmEndpoint.NormalizeThumbprint(thumbprint));
        Assert.True(pinned.Validate(request, certificate, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.Null(pinned.LastRejection);
        Assert.False(pinned.Validate(request, other, null, SslPolicyErrors.None)); // a pin refuses even a publicly valid certificate
        Assert.Equal(Convert.ToHexString(SHA256.HashData(other.RawData)), pinned.LastRejection!.Thumbprint);

        var unpinned = new CertificatePinValidator(null);
        Assert.False(unpinned.Validate(request, certificate, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Equal(thumbprint, unpinned.LastRejection!.Thumbprint);
        Assert.True(unpinned.Validate(request, certificate, null, SslPolicyErrors.None));
        Assert.False(unpinned.Validate(request, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void The_validator_records_the_presented_certificate_with_its_verdict()
    {
        using X509Certificate2 certificate = CreateSelfSigned();
        using X509Certificate2 other = CreateSelfSigned();
        string thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        using var request = new HttpRequestMessage();
        var pinned = new CertificatePinValidator(WhmEndpoint.NormalizeThumbprint(thumbprint));
        Assert.Null(pinned.LastPresented);

        pinned.Validate(request, certificate, null, SslPolicyErrors.RemoteCertificateChainErrors);
        WhmCertificateInfo trusted = pinned.LastPresented!;
        Assert.Equal("CN=whm.example.com", trusted.Subject);
        Assert.True(trusted.IsSelfSigned);
        Assert.Equal(thumbprint, trusted.Sha256Thumbprint);
        Assert.Equal(CertificateTrust.Pin, trusted.Trust);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), trusted.NotAfterUtc);
        Assert.True(trusted.IsValidAt(DateTime.UtcNow));

        pinned.Validate(request, other, null, SslPolicyErrors.None);
        Assert.Equal(CertificateTrust.NotTrusted, pinned.LastPresented!.Trust);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(other.RawData)), pinned.LastPresented.Sha256Thumbprint);

        var unpinned = new CertificatePinValidator(null);
        unpinned.Validate(request, certificate, null, SslPolicyErrors.None);
        Assert.Equal(CertificateTrust.Chain, unpinned.LastPresented!.Trust);
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=whm.example.com", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
