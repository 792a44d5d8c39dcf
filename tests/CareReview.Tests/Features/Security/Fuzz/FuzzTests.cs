using System.Globalization;
using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Records;
using Xunit.Abstractions;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>
/// Issue 19: bad input gets a clear message beside the field, never a 500, and a refused form saves nothing.
/// Every page that takes a post is found from the app's routes, opened as the first user it opens for, and each
/// of its forms is read from the page and sent again and again, filled in and spoiled by <see cref="BadInput"/>
/// from a fixed seed, each time with a fresh page (a fresh one-time token), until at least 1,000 have been sent.
/// </summary>
public sealed class FuzzTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    /// <summary>The suite's seed and number of posts; to look further, run with FUZZ_SEED=7 FUZZ_POSTS=3000 (seed 7 found <see cref="FormRowsTests"/>).</summary>
    private static readonly int s_seed = int.Parse(Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "19", CultureInfo.InvariantCulture);

    private static readonly int s_atLeast = int.Parse(Environment.GetEnvironmentVariable("FUZZ_POSTS") ?? "1000", CultureInfo.InvariantCulture);

    /// <summary>
    /// Pages that take posts but not here: signing out (a button with nothing to fill in, which would end the
    /// session the rest of the run needs), loading a return (files, fuzzed in <see cref="ImportFuzzTests"/>), and the
    /// SSD sync (its buttons show only when Ssd:Sync:From is set, and a run started would write in the background while
    /// other posts are checked; SyncPageTests presses them).
    /// </summary>
    private static readonly string[] s_fuzzedElsewhere = ["/sign-out", "/returns/import", "/ssd-sync"];

    /// <summary>A form on a page, as one user sees it: the page, and which of the page's forms (by where it posts, and its place among those).</summary>
    private sealed record Target(string Route, string Page, string User, HttpClient Client, string Action, int Ordinal);

    [Fact]
    public async Task A_thousand_bad_posts_across_every_form_get_no_500_and_a_refused_post_writes_nothing()
    {
        var council = await FuzzCouncil.ArrangeAsync(app);
        var fingerprint = await DatabaseFingerprint.ForAsync(app);
        var routes = app.RoutesOfPagesThatTakePosts().Except(s_fuzzedElsewhere).ToList();
        var targets = await TargetsAsync(council, routes);
        var unreached = routes.Where(r => targets.All(t => t.Route != r)).ToList();
        Assert.True(unreached.Count == 0, $"No user opened a form on {string.Join(", ", unreached)}");

        var bad = new BadInput(new Random(s_seed), new FuzzKnowledge(app.Today, council.Ids));
        var failures = new List<string>();
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastToken = new Dictionary<Target, string>();
        var shown = new Dictionary<Target, HtmlForm>();
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var (refused, accepted) = (0, 0);
        while (refused + accepted < s_atLeast)
        {
            var open = 0;
            foreach (var target in targets)
            {
                if ((shown.Remove(target, out var form) ? form : await FormAsync(target)) is not { } filling)
                {
                    continue;
                }

                open++;
                var post = bad.Spoil(filling, lastToken.GetValueOrDefault(target));
                lastToken[target] = post.Pairs.LastOrDefault(p => p.Name == FormToken.Field)?.Value ?? "";
                var before = await fingerprint.ReadAsync(app);
                var (status, location, body) = await SendAsync(target.Client, post);
                var after = await fingerprint.ReadAsync(app);
                sent[target.Route] = sent.GetValueOrDefault(target.Route) + 1;
                var answer = $"{(int?)status}{(status == HttpStatusCode.OK && body.Contains("govuk-error-summary", StringComparison.Ordinal) ? " with an error summary" : "")}";
                answers[answer] = answers.GetValueOrDefault(answer) + 1;
                var what = $"{target.User} posting {post.Url} ({post.Description})";
                if (status is null or >= HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{what}: {(int?)status} {HtmlForms.Fault(body)}");
                }

                if (IsAccepted(status, location, body))
                {
                    accepted++;
                    continue;
                }

                refused++;
                if (fingerprint.Differences(before, after) is { Length: > 0 } written)
                {
                    failures.Add($"{what}: refused ({(int?)status}) but wrote {written}");
                }
                else if (status == HttpStatusCode.OK && post.Url == target.Action && Find(body, target) is { } again)
                {
                    // Refused and nothing written, so the form is as the page last showed it; the next post goes from the
                    // page the refusal answered with, as a browser's would, with the new one-time token it carries.
                    shown[target] = filling.WithToken(again.Value(FormToken.Field));
                }
            }

            Assert.True(open > 0, "Every form has gone from its page");
        }

        output.WriteLine($"{refused + accepted} posts to {targets.Count} forms on {sent.Count} pages: {refused} refused, {accepted} accepted");
        output.WriteLine(string.Join(", ", answers.OrderByDescending(a => a.Value).Select(a => $"{a.Key}: {a.Value}")));
        foreach (var (route, count) in sent.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,5} {route}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {refused + accepted} posts went wrong:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(refused > accepted, $"Only {refused} of {refused + accepted} posts were refused: the inputs are not bad enough to test anything");
    }

    /// <summary>
    /// Each page at each address its route stands for, opened by a new visitor and then by each user in turn; the
    /// first that sees a form gets it. The sign-out button on every page is left alone.
    /// </summary>
    private async Task<List<Target>> TargetsAsync(FuzzCouncil council, IReadOnlyList<string> routes)
    {
        var targets = new List<Target>();
        foreach (var route in routes.Order(StringComparer.Ordinal))
        {
            foreach (var page in council.AddressesOf(route))
            {
                foreach (var (user, client) in council.Users.Prepend(("a visitor", app.AnonymousClient())))
                {
                    using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
                    var forms = response.StatusCode == HttpStatusCode.OK ? Fuzzable(await response.Content.ReadAsStringAsync(), page) : [];
                    if (forms.Count > 0)
                    {
                        targets.AddRange(forms.Select(f => new Target(route, page, user, client, f.Form.Action, f.Ordinal)));
                        break;
                    }
                }
            }
        }

        return targets;
    }

    /// <summary>The target's form as the page shows it now, or null when the page no longer has it (a record closed, a link used).</summary>
    private static async Task<HtmlForm?> FormAsync(Target target)
    {
        using var response = await target.Client.GetAsync(new Uri(target.Page, UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? Find(await response.Content.ReadAsStringAsync(), target) : null;
    }

    private static HtmlForm? Find(string html, Target target) =>
        Fuzzable(html, target.Page).FirstOrDefault(f => f.Form.Action == target.Action && f.Ordinal == target.Ordinal).Form;

    /// <summary>The page's forms other than signing out and uploads (the import has its own fuzz test), each with its place among forms posting to the same address.</summary>
    private static List<(HtmlForm Form, int Ordinal)> Fuzzable(string html, string page) =>
        [.. HtmlForms.PostFormsIn(html, page)
            .Where(f => f.Action != "/sign-out" && !f.Multipart)
            .GroupBy(f => f.Action)
            .SelectMany(g => g.Select((f, i) => (f, i)))];

    private static async Task<(HttpStatusCode? Status, string? Location, string Body)> SendAsync(HttpClient client, FuzzedPost post)
    {
        try
        {
            using var content = post.Content();
            using var response = await client.PostAsync(new Uri(post.Url, UriKind.Relative), content);
            return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return (null, null, e.ToString());
        }
    }

    /// <summary>
    /// A post was accepted when it was answered with a redirect to somewhere other than signing in, or with a page
    /// and no error summary (a link made and shown once). A page with an error summary, or any 4xx, is a refusal.
    /// </summary>
    private static bool IsAccepted(HttpStatusCode? status, string? location, string body) => status switch
    {
        // Sent to sign in is refused; the IRO manager's /sign-ins pages are not the sign-in page.
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther => location is not null
            && !location.Replace("/sign-ins/", "/", StringComparison.Ordinal).Contains("/sign-in", StringComparison.Ordinal)
            && !location.Contains("/invite/expired", StringComparison.Ordinal),
        HttpStatusCode.OK => !body.Contains("govuk-error-summary", StringComparison.Ordinal),
        _ => false,
    };
}
