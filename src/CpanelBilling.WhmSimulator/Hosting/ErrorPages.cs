using System.Globalization;

namespace CpanelBilling.WhmSimulator.Hosting;

/// <summary>The bodies real infrastructure sends with HTTP errors in front of or from cpsrvd.</summary>
internal static class ErrorPages
{
    /// <summary>cpsrvd's refusal of missing or wrong credentials (and of a cPHulk-blocked address).</summary>
    public const string AccessDeniedBody =
        "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":\"Access denied\",\"data\":{\"reason\":\"Access denied\",\"result\":\"0\"},\"type\":\"text\"}}";

    public const string AccessDeniedContentType = "text/plain; charset=\"utf-8\"";

    public const string AccessDeniedReasonPhrase = "Forbidden Access denied";

    /// <summary>The HTML page for an injected HTTP error status, in the style of who would send it.</summary>
    public static string For(int status, string hostname) => status switch
    {
        500 => Page("500 Internal Server Error",
            "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request.</p>\n"
            + "<hr>\n<address>cpsrvd Server at " + hostname + "</address>"),
        502 => NginxPage("502 Bad Gateway"),
        503 => NginxPage("503 Service Temporarily Unavailable"),
        524 => CloudflareTimeoutPage(hostname),
        _ => Page(status.ToString(CultureInfo.InvariantCulture) + " Error",
            "<h1>Error " + status.ToString(CultureInfo.InvariantCulture) + "</h1>"),
    };

    private static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n<body>\n" + body + "\n</body>\n</html>\n";

    private static string NginxPage(string title) =>
        "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    // A proxy such as Cloudflare gave up waiting for the origin; the origin may still finish the job.
    private static string CloudflareTimeoutPage(string hostname) =>
        "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\" />\n<title>" + hostname
        + " | 524: A timeout occurred</title>\n</head>\n<body>\n<div id=\"cf-wrapper\">\n<div id=\"cf-error-details\">\n"
        + "<h1><span class=\"cf-error-type\">A timeout occurred</span> <span class=\"cf-error-code\">Error code 524</span></h1>\n"
        + "<h2>What happened?</h2>\n<p>The origin web server did not answer the HTTP request in time, so the proxy closed the connection.</p>\n"
        + "<h2>What can I do?</h2>\n<p>If the request started a long job on the origin, check its result before retrying.</p>\n"
        + "</div>\n<div class=\"cf-footer\">Ray ID: <strong>8f1c2d3e4a5b6c7d</strong> &bull; Performance &amp; security by Cloudflare</div>\n"
        + "</div>\n</body>\n</html>\n";
}
