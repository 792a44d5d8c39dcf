namespace CareReview.Web.Hosting;

/// <summary>
/// The address people open Care Review at (setting <c>PublicUrl</c>), which every link the app hands out
/// starts with: a child's set-up link, a parent's link. A request's Host header is the sender's to choose,
/// so a link built from it could send a child to someone else's site. Only in demo mode or development,
/// without the setting, do links use the address the page was opened at.
/// </summary>
public sealed class PublicAddress(Uri? configured)
{
    public const string Setting = "PublicUrl";

    /// <summary>The absolute link to <paramref name="pathAndQuery"/> (starting with /).</summary>
    public string Link(HttpRequest request, string pathAndQuery) =>
        (configured is null ? $"{request.Scheme}://{request.Host}" : configured.AbsoluteUri.TrimEnd('/')) + pathAndQuery;

    public static PublicAddress In(IConfiguration configuration) => new(Parse(configuration[Setting]));

    /// <summary>Why the app must not start with this setting, or null.</summary>
    public static string? Refusal(IConfiguration configuration, bool demoMode, bool production)
    {
        try
        {
            return Parse(configuration[Setting]) is null && production && !demoMode
                ? $"Set {Setting} to the address people open Care Review at, such as https://carereview.example.gov.uk: "
                  + "the links it gives children and parents start with it."
                : null;
        }
        catch (InvalidOperationException notAnAddress)
        {
            return notAnAddress.Message;
        }
    }

    private static Uri? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : throw new InvalidOperationException($"{Setting} must be a web address such as https://carereview.example.gov.uk, not '{value}'.");
}
