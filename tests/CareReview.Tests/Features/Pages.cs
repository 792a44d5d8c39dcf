using System.Net;

namespace CareReview.Tests.Features;

/// <summary>Small readers for the pages tests look at.</summary>
internal static class Pages
{
    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        return body;
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>The page shows <paramref name="message"/> beside the field, as GOV.UK error messages are.</summary>
    public static void AssertFieldError(string html, string fieldId, string message)
    {
        var marker = $"id=\"{fieldId}-error\"";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No error message beside {fieldId}");
        var end = html.IndexOf("</p>", at, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(message), html[at..end], StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
    }
}
