using System.Security.Claims;
using CareReview.Web.Features.Account;

namespace CareReview.Web.Features.SignIns;

/// <summary>The people first seen through the council's sign-in whom no staff record matched, for an IRO manager to approve or refuse (ADR-0031).</summary>
public sealed class WaitingModel(AppDbContext db, AuditLog audit, TimeProvider time, OidcSettings settings) : PageModel
{
    public string CouncilName => settings.CouncilName;

    public IReadOnlyList<Person> Waiting { get; private set; } = [];

    public IReadOnlyList<Person> Refused { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        audit.Record(AuditAction.WaitingSignInsViewed, details: $"waiting:{Waiting.Count}");
        await db.SaveChangesAsync();
    }

    public async Task<IActionResult> OnPostRefuseAsync(int id)
    {
        var request = await db.SignInRequests.Include(r => r.User).SingleOrDefaultAsync(r => r.Id == id && r.Status == SignInRequestStatus.Waiting);
        if (request is null)
        {
            ModelState.AddModelError("", "That person is no longer waiting: someone may have approved or refused them already");
            await LoadAsync();
            return Page();
        }

        var saved = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, null, 0,
            () => request.Decide(SignInRequestStatus.Refused, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", time.GetUtcNow().UtcDateTime),
            () => [new Audited(AuditAction.SignInRefused, null, $"request:{request.Id};user:{request.UserId}")]);
        if (saved != ChangeResult.Saved)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Success"] = $"{request.User!.DisplayName} was refused. They cannot use Care Review.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var requests = await db.SignInRequests.AsNoTracking().Include(r => r.User)
            .Where(r => r.Status != SignInRequestStatus.Approved).OrderBy(r => r.FirstTriedAtUtc).ToListAsync();
        Waiting = [.. requests.Where(r => r.Status == SignInRequestStatus.Waiting).Select(Person.Of)];
        Refused = [.. requests.Where(r => r.Status == SignInRequestStatus.Refused).Select(Person.Of)];
    }

    public sealed record Person(int Id, string Name, string? Email, string Gives, DateTime LastTriedAtUtc, DateTime? DecidedAtUtc)
    {
        public static Person Of(SignInRequest request) =>
            new(request.Id, request.User!.DisplayName, request.User.Email, Describe(request), request.LastTriedAtUtc, request.DecidedAtUtc);

        /// <summary>"Independent reviewing officer in the North team".</summary>
        public static string Describe(SignInRequest request) =>
            string.Join(", ", request.RoleList.Select(Roles.Describe)) + (request.Team is { } team ? $" in {team}" : "");
    }
}
