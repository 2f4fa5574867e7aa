using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CpanelBilling.Benchmarks.Whm;

/// <summary>
/// An HTTPS server on loopback that answers <c>/json-api/FUNCTION</c> with bytes recorded earlier, doing no work per
/// request, so that what a benchmark measures against it is the client: transfer, JSON parsing and mapping.
/// </summary>
internal sealed class ReplayWhmServer : IAsyncDisposable
{
    private const string FunctionPrefix = "/json-api/";

    private readonly WebApplication _app;

    private ReplayWhmServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <param name="certificate">The certificate to present (with its private key).</param>
    /// <param name="replies">The reply body of each function.</param>
    public static async Task<ReplayWhmServer> StartAsync(X509Certificate2 certificate, IReadOnlyDictionary<string, byte[]> replies)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.UseHttps(certificate);
        }));
        WebApplication app = builder.Build();
        app.Run(context => ReplyAsync(context, replies));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ReplayWhmServer(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task ReplyAsync(HttpContext context, IReadOnlyDictionary<string, byte[]> replies)
    {
        string path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(FunctionPrefix, StringComparison.Ordinal) || !replies.TryGetValue(path.Substring(FunctionPrefix.Length), out byte[]? body))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }
}
