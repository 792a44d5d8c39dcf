using System.Net;
using System.Net.Http.Headers;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Returns;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 7: an upload over the import page's limit got an empty 400 page. It is refused before the form
/// is read, with a page that says the files are too big and how big they may be.
/// </summary>
public sealed class OversizedRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Files_over_the_import_limit_are_refused_at_once_with_a_page_that_says_so()
    {
        await app.AUserAsync("manager-uploads-too-much", Roles.IroManager);
        using var client = await app.SignedInClientAsync("manager-uploads-too-much");
        var page = await client.GetStringAsync(new Uri("/returns/import", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AppFactory.AntiforgeryTokenIn(page)), "__RequestVerificationToken" },
            { new Endless((4 * ImportModel.MaxFileBytes) + 1), "Input.Current", "episodes.csv" },
        };

        using var response = await client.PostAsync(new Uri("/returns/import", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("The files are too big", body, StringComparison.Ordinal);
        Assert.Contains($"smaller than {ImportModel.MaxFileBytes / (1024 * 1024)} MB", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_without_its_token_is_told_what_to_do_not_that_the_page_is_missing()
    {
        await app.AUserAsync("manager-token-lost", Roles.IroManager);
        using var client = await app.SignedInClientAsync("manager-token-lost");

        using var response = await client.PostAsync(new Uri("/returns/import", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Go back, reload the page and try again", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Page not found", body, StringComparison.Ordinal);
    }

    /// <summary>Says how long it is and writes zeros until then; the server should not read it.</summary>
    private sealed class Endless : HttpContent
    {
        private readonly long _length;

        public Endless(long length)
        {
            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var zeros = new byte[64 * 1024];
            for (long sent = 0; sent < _length; sent += zeros.Length)
            {
                await stream.WriteAsync(zeros.AsMemory(0, (int)Math.Min(zeros.Length, _length - sent)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
