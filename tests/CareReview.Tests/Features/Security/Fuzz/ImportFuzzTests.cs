using System.Net;
using System.Net.Http.Headers;
using CareReview.Tests.Features.Returns;
using CareReview.Tests.Support;
using CareReview.Web.Commands;
using Xunit.Abstractions;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>
/// Issue 19: a broken return is refused with its problems listed, never a 500, and a refused load adds no child
/// and writes nothing else (the database's fingerprint is unchanged apart from the audit log). Broken returns come
/// from <see cref="BrokenReturns"/> with a fixed seed, on the page (load, check and the problems download) and
/// through <c>import-903</c>, on a council's database (a demonstration's loads nothing at all, ADR-0025).
/// </summary>
public sealed class ImportFuzzTests(EmptyCouncilApp council, ITestOutputHelper output) : IClassFixture<EmptyCouncilApp>
{
    private const int OnThePage = 120;
    private const int ThroughTheCommand = 60;

    private AppFactory App => council.App;

    [Fact]
    public async Task Broken_returns_loaded_on_the_page_get_no_500_and_a_refused_load_writes_nothing()
    {
        var random = new Random(903);
        var returns = new BrokenReturns(random);
        var fingerprint = await DatabaseFingerprint.ForAsync(App);
        using var client = await App.SignedInClientAsync(EmptyCouncilApp.Manager);
        var failures = new List<string>();
        var loaded = 0;
        for (var i = 0; i < OnThePage; i++)
        {
            var broken = returns.Next();
            var handler = random.Next(10) switch { < 7 => "", < 9 => "?handler=Check", _ => "?handler=Problems" };
            var fields = new Dictionary<string, string>();
            if (random.Next(3) == 0)
            {
                fields["Input.CleanOnly"] = "true";
            }

            if (random.Next(4) == 0)
            {
                fields["Input.Year"] = random.Next(3) switch { 0 => "2026", 1 => "1999", _ => "abc" };
            }

            var previous = random.Next(5) == 0 ? returns.Next() : null;
            var before = await fingerprint.ReadAsync(App);
            var (status, body) = await PostAsync(client, handler, broken, previous, fields);
            var after = await fingerprint.ReadAsync(App);
            var what = $"posting /returns/import{handler} ({broken.Description}{(previous is null ? "" : $"; the previous year's {previous.Description}")})";
            if (status is null or >= HttpStatusCode.InternalServerError)
            {
                failures.Add($"{what}: {(int?)status} {HtmlForms.Fault(body)}");
            }

            if (handler == "" && body.Contains("data-testid=\"loaded\"", StringComparison.Ordinal))
            {
                loaded++;
            }
            else if (fingerprint.Differences(before, after) is { Length: > 0 } written)
            {
                failures.Add($"{what}: refused ({(int?)status}) but wrote {written}");
            }
        }

        output.WriteLine($"{OnThePage} broken returns on the page: {loaded} loaded");
        Assert.True(failures.Count == 0, $"{failures.Count} of {OnThePage} posts went wrong:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(loaded * 2 < OnThePage, $"{loaded} of {OnThePage} broken returns loaded: they are not broken enough to test anything");
    }

    [Fact]
    public async Task Broken_returns_given_to_import_903_end_without_an_exception_and_a_refused_load_writes_nothing()
    {
        var random = new Random(19903);
        var returns = new BrokenReturns(random);
        var fingerprint = await DatabaseFingerprint.ForAsync(App);
        var failures = new List<string>();
        var loaded = 0;
        for (var i = 0; i < ThroughTheCommand; i++)
        {
            var broken = returns.Next();
            var folder = Directory.CreateTempSubdirectory("import-903-fuzz-");
            try
            {
                foreach (var (name, bytes) in broken.Files)
                {
                    await File.WriteAllBytesAsync(Path.Combine(folder.FullName, name), bytes);
                }

                string[] options = random.Next(3) == 0 ? ["--clean-only"] : [];
                var before = await fingerprint.ReadAsync(App);
                int exit;
                try
                {
                    exit = await App.RunCommandAsync(services => ImportReturnCommand.RunAsync(services, [folder.FullName, .. options]));
                }
                catch (Exception e)
                {
                    failures.Add($"import-903 ({broken.Description}) threw {e.GetType().Name}: {e.Message}");
                    continue;
                }

                var after = await fingerprint.ReadAsync(App);
                if (exit == 0)
                {
                    loaded++;
                }
                else if (fingerprint.Differences(before, after) is { Length: > 0 } written)
                {
                    failures.Add($"import-903 ({broken.Description}) exited {exit} but wrote {written}");
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        output.WriteLine($"{ThroughTheCommand} broken returns through import-903: {loaded} loaded");
        Assert.True(failures.Count == 0, $"{failures.Count} of {ThroughTheCommand} imports went wrong:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(loaded * 2 < ThroughTheCommand, $"{loaded} of {ThroughTheCommand} broken returns loaded: they are not broken enough to test anything");
    }

    private static async Task<(HttpStatusCode? Status, string Body)> PostAsync(HttpClient client, string handler, BrokenReturn current,
        BrokenReturn? previous, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri("/returns/import", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AppFactory.AntiforgeryTokenIn(page)), "__RequestVerificationToken" },
            { new StringContent(AppFactory.HiddenValueIn(page, "FormToken")), "FormToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, files) in new[] { ("Input.Current", current), ("Input.Previous", previous) })
        {
            foreach (var (name, bytes) in files?.Files ?? [])
            {
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                form.Add(content, field, name);
            }
        }

        try
        {
            using var response = await client.PostAsync(new Uri($"/returns/import{handler}", UriKind.Relative), form);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return (null, e.ToString());
        }
    }
}
