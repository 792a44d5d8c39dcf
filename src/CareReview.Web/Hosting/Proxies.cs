using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareReview.Web.Hosting;

/// <summary>The reverse proxies in front of Care Review (setting <c>ForwardedHeaders:KnownProxies</c>, addresses separated by commas).</summary>
public static class Proxies
{
    public const string Setting = "ForwardedHeaders:KnownProxies";

    /// <summary>How to read X-Forwarded-For and X-Forwarded-Proto from the configured proxies only; null when there are none.</summary>
    public static ForwardedHeadersOptions? ForwardedHeadersIn(IConfiguration configuration)
    {
        var listed = (configuration[Setting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (listed.Length == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };

        // The defaults trust loopback; only what the council lists is trusted.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var address in listed)
        {
            options.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                ? ip
                : throw new InvalidOperationException($"{Setting} must list IP addresses, not '{address}'."));
        }

        return options;
    }

    /// <summary>Why the app must not start with this setting, or null.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        try
        {
            ForwardedHeadersIn(configuration);
            return null;
        }
        catch (InvalidOperationException notAnAddress)
        {
            return notAnAddress.Message;
        }
    }
}
