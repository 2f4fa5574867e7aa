using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using CpanelBilling.Testing.Simulator;
using CpanelBilling.WhmSimulator;
using Xunit;

namespace CpanelBilling.Whm.Tests.Simulator;

/// <summary>A simulator with cPHulk-style lockout after 3 failures and a clock the tests move.</summary>
public sealed class LockoutFixture : SimulatorFixture
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    protected override SimulatorOptions CreateOptions() =>
        new() { LockoutAfter = 3, LockoutDuration = TimeSpan.FromMinutes(10), Clock = Clock };
}

/// <summary>A TimeProvider whose "now" only moves when a test says so (timers stay real).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

public sealed class LockoutTests : IClassFixture<LockoutFixture>, IDisposable
{
    private readonly LockoutFixture _fixture;
    private readonly HttpClient _good;
    private readonly HttpClient _bad;

    public LockoutTests(LockoutFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
        _good = fixture.CreateHttpClient();
        _bad = fixture.CreateHttpClient(authenticated: false);
        _bad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("whm", "root:WRONG");
    }

    [Fact]
    public async Task After_n_failures_even_correct_credentials_get_403_until_reset()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(_bad));
        }

        using var refused = await _good.GetAsync("json-api/version?api.version=1");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("\"error\":\"Access denied\"", await refused.Content.ReadAsStringAsync());

        _fixture.Server.ResetLockout();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(_good));
    }

    [Fact]
    public async Task The_lockout_expires()
    {
        for (var i = 0; i < 3; i++)
        {
            await StatusAsync(_bad);
        }

        _fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(_good));

        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(_good));
    }

    [Fact]
    public async Task A_good_login_forgets_earlier_failures()
    {
        await StatusAsync(_bad);
        await StatusAsync(_bad);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(_good));
        await StatusAsync(_bad);
        await StatusAsync(_bad);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(_good));
    }

    [Fact]
    public async Task Fewer_failures_than_the_limit_do_not_lock_out()
    {
        await StatusAsync(_bad);
        await StatusAsync(_bad);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(_good));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("json-api/version?api.version=1");
        return response.StatusCode;
    }

    public void Dispose()
    {
        _good.Dispose();
        _bad.Dispose();
    }
}
