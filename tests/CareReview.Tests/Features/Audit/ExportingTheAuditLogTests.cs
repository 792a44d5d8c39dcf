using System.Net;
using System.Text;
using CareReview.Tests.Support;
using CareReview.Web.Auditing;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Audit;

/// <summary>
/// Issue 19.5: the IRO manager downloads the audit log for a range of days in England as CSV, with each row's
/// hashes; a range that cannot be downloaded is explained beside its field; the download is itself audited.
/// The log is July 2026's, so the days are British Summer Time (UTC+1).
/// </summary>
public sealed class ExportingTheAuditLogTests(ExportingTheAuditLogTests.LogApp fixture) : IClassFixture<ExportingTheAuditLogTests.LogApp>
{
    private AppFactory App => fixture.App;

    public sealed class LogApp : IAsyncLifetime
    {
        public const string Manager = "export-audit-manager";
        public const string Iro = "export-audit-iro";

        public AppFactory App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await AppFactory.StartAsync();
            await AuditPages.AManagerAsync(App, Manager);
            await AuditPages.AnIroAsync(App, Iro);
            await App.ExecuteDbAsync(db =>
            {
                db.AuditEvents.AddRange(
                    Event("before-july", new DateTime(2026, 6, 30, 22, 59, 59, DateTimeKind.Utc)),
                    Event("first-of-july", new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc)),
                    Event("=HYPERLINK(\"https://example.invalid\",\"open\")", new DateTime(2026, 7, 10, 9, 0, 0, DateTimeKind.Utc), "@SUM(A1)"),
                    Event("\t=1+1", new DateTime(2026, 7, 11, 9, 0, 0, DateTimeKind.Utc), "+44 20 7946 0000"),
                    Event("\r=1+1", new DateTime(2026, 7, 12, 9, 0, 0, DateTimeKind.Utc), "-cmd"),
                    Event("-3", new DateTime(2026, 7, 13, 9, 0, 0, DateTimeKind.Utc)),
                    Event("last-of-july", new DateTime(2026, 7, 31, 22, 59, 59, DateTimeKind.Utc)),
                    Event("first-of-august", new DateTime(2026, 7, 31, 23, 0, 0, DateTimeKind.Utc)));
                return Task.CompletedTask;
            });
        }

        private static AuditEvent Event(string details, DateTime at, string userName = "export.tester") => new()
        {
            OccurredAtUtc = at,
            UserId = "export-user",
            UserName = userName,
            Action = AuditAction.ChildViewed,
            ChildId = 5,
            Details = details,
        };

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task The_download_holds_the_days_in_England_from_the_start_to_the_end()
    {
        using var manager = await App.SignedInClientAsync(LogApp.Manager);

        var rows = await DownloadAsync(manager, July);

        Assert.Equal(s_header, rows[0]);
        Assert.Equal(["first-of-july", "'=HYPERLINK(\"https://example.invalid\",\"open\")", "'\t=1+1", "'\r=1+1", "-3", "last-of-july"],
            rows.Skip(1).Select(r => r[6]));
        Assert.Equal("2026-06-30T23:30:00.000000Z", rows[1][1]);
    }

    [Fact]
    public async Task Cells_that_a_spreadsheet_would_run_as_formulas_are_written_as_text()
    {
        using var manager = await App.SignedInClientAsync(LogApp.Manager);

        var rows = await DownloadAsync(manager, July);

        Assert.Equal(["'@SUM(A1)", "'+44 20 7946 0000", "'-cmd"], rows.Skip(1).Where(r => r[3] != "export.tester").Select(r => r[3]));
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r');
    }

    [Fact]
    public async Task Each_row_carries_its_hashes_so_the_file_can_be_checked_on_its_own()
    {
        using var manager = await App.SignedInClientAsync(LogApp.Manager);

        var rows = await DownloadAsync(manager, July);

        foreach (var row in rows.Skip(1))
        {
            var details = row[6].StartsWith('\'') ? row[6][1..] : row[6];
            var userName = row[3].StartsWith('\'') ? row[3][1..] : row[3];
            var at = DateTime.ParseExact(row[1], "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            Assert.Equal(row[9], AuditChain.HashOf(long.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture), at, row[2], userName, row[4],
                row[5] == "" ? null : int.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture), details, row[8] == "" ? null : row[8]));
        }
    }

    [Fact]
    public async Task The_download_is_audited_and_ends_before_its_own_event()
    {
        using var manager = await App.SignedInClientAsync(LogApp.Manager);
        var today = "From.Day=23&From.Month=11&From.Year=2026&To.Day=23&To.Month=11&To.Year=2026";

        var rows = await DownloadAsync(manager, today);

        var exported = await App.QueryDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.AuditLogExported && e.Details!.StartsWith("from:2026-11-23"))
            .SingleAsync());
        Assert.Equal(LogApp.Manager, exported.UserName);
        Assert.Equal($"from:2026-11-23;to:2026-11-23;rows:{rows.Count - 1}", exported.Details);
        Assert.DoesNotContain(rows, r => r[0] == exported.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => r[4] == nameof(AuditAction.SignedIn));
    }

    [Theory]
    [InlineData("From.Day=1&From.Month=8&From.Year=2026&To.Day=31&To.Month=7&To.Year=2026", "To", "The end date must be the same as or after the start date")]
    [InlineData("From.Day=1&From.Month=11&From.Year=2025&To.Day=23&To.Month=11&To.Year=2026", "From",
        "The start date must be no more than a year before the end date. Download a longer period a year at a time")]
    [InlineData("From.Day=1&From.Month=11&From.Year=2026&To.Day=24&To.Month=11&To.Year=2026", "To", "The end date must be today or in the past")]
    [InlineData("From.Day=31&From.Month=2&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026", "From", "The start date must be a real date")]
    [InlineData("From.Day=&From.Month=&From.Year=&To.Day=1&To.Month=3&To.Year=2026", "From", "Enter the start date")]
    [InlineData("From.Day=1&From.Month=3&From.Year=2026&To.Day=1&To.Month=3&To.Year=26", "To", "Year must include 4 numbers")]
    public async Task A_range_that_cannot_be_downloaded_is_explained_beside_its_field(string range, string field, string message)
    {
        using var manager = await App.SignedInClientAsync(LogApp.Manager);

        using var response = await manager.GetAsync(new Uri($"/audit?handler=Csv&{range}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Pages.AssertFieldError(html, field, message);
        Assert.Contains("data-testid=\"audit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_year_can_be_downloaded()
    {
        using var manager = await App.SignedInClientAsync(LogApp.Manager);

        var rows = await DownloadAsync(manager, "From.Day=24&From.Month=11&From.Year=2025&To.Day=23&To.Month=11&To.Year=2026");

        Assert.Contains(rows, r => r[6] == "before-july");
    }

    [Fact]
    public async Task The_audit_page_offers_the_last_month_to_download()
    {
        using var manager = await App.SignedInClientAsync(LogApp.Manager);

        var html = await manager.GetPageAsync("/audit");

        Assert.Contains("name=\"handler\" value=\"Csv\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"From-Day\" name=\"From.Day\" type=\"text\" inputmode=\"numeric\" value=\"24\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"From-Month\" name=\"From.Month\" type=\"text\" inputmode=\"numeric\" value=\"10\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"To-Day\" name=\"To.Day\" type=\"text\" inputmode=\"numeric\" value=\"23\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_those_who_may_read_the_audit_log_may_download_it()
    {
        using var iro = await App.SignedInClientAsync(LogApp.Iro);

        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/audit?handler=Csv&{July}"));
    }

    private const string July = "From.Day=1&From.Month=7&From.Year=2026&To.Day=31&To.Month=7&To.Year=2026";

    private static readonly string[] s_header =
        ["id", "occurred_at_utc", "user_id", "user_name", "action", "child_id", "details", "sequence", "previous_hash", "hash"];

    private static async Task<List<string[]>> DownloadAsync(HttpClient client, string range)
    {
        using var response = await client.GetAsync(new Uri($"/audit?handler=Csv&{range}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        return ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    /// <summary>RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Equal(0, field.Length + row.Count);
        return rows;
    }
}
