using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CareReview.Web.Features.Account;

namespace CareReview.Web.Features.SignIns;

/// <summary>
/// An IRO manager approves a person waiting to sign in: links them to the staff record Care Review already has for
/// them, or makes one from their name and what their groups give them (ADR-0031). They get in at their next sign-in.
/// </summary>
public sealed class ApproveModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public const string NewStaffMember = "new";

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public WaitingModel.Person Person { get; private set; } = null!;

    public IReadOnlyList<(string Value, string Text)> Choices { get; private set; } = [];

    private SignInRequest _request = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var access = new MappedAccess(_request.RoleList, _request.Team);
        StaffMember? existing = null;
        if (Input.Staff != NewStaffMember
            && (!int.TryParse(Input.Staff, NumberStyles.None, CultureInfo.InvariantCulture, out var staffId)
                || !Choices.Any(c => c.Value == Input.Staff)
                || (existing = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == staffId)) is null))
        {
            ModelState.AddModelError("Input.Staff", "Choose a staff record without a Care Review sign-in, or a new one");
            return Page();
        }

        if (existing is null && access.StaffRoleToCreate is null)
        {
            ModelState.AddModelError("Input.Staff", "Their groups give them no staff role, so choose their staff record");
            return Page();
        }

        var user = await db.Users.SingleAsync(u => u.Id == _request.UserId);
        var team = existing is null && _request.Team is { } teamName ? await OidcSignIns.TeamNamedAsync(db, teamName) : null;
        var staff = existing ?? new StaffMember(user.DisplayName, access.StaffRoleToCreate!.Value, team: team, email: user.Email);
        var saved = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, null, 0, () =>
        {
            if (existing is null)
            {
                db.StaffMembers.Add(staff);
            }
            else if (existing.Email is null && user.Email is { } email)
            {
                existing.RecordEmail(email);
            }

            _request.Decide(SignInRequestStatus.Approved, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", time.GetUtcNow().UtcDateTime);
        }, () =>
        {
            // The new staff record has its id once the change is written; the user is linked in the same transaction.
            user.StaffMemberId = staff.Id;
            return [new Audited(AuditAction.SignInApproved, null,
                $"request:{_request.Id};user:{user.Id};staff:{staff.Id};{(existing is null ? "created" : "linked")}")];
        });
        if (saved != ChangeResult.Saved)
        {
            return Page();
        }

        TempData["Success"] = $"{user.DisplayName} is approved. They can use Care Review the next time they sign in with the council's account.";
        return RedirectToPage("/SignIns/Waiting");
    }

    /// <summary>The request, while it is waiting or was refused, and the staff records it could be linked to: those without a sign-in.</summary>
    private async Task<bool> LoadAsync()
    {
        if (await db.SignInRequests.Include(r => r.User).SingleOrDefaultAsync(r => r.Id == Id && r.Status != SignInRequestStatus.Approved) is not { } request)
        {
            return false;
        }

        _request = request;
        Person = WaitingModel.Person.Of(request);
        var linked = db.Users.Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId!.Value);
        var unlinked = await db.StaffMembers.AsNoTracking().Include(s => s.Team).Where(s => !linked.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync();
        var role = new MappedAccess(request.RoleList, request.Team).StaffRoleToCreate;
        Choices =
        [
            .. role is null ? [] : new[] { (NewStaffMember, $"A new staff record: {request.User!.DisplayName}, {Roles.Describe(role.Value.ToString())}{(request.Team is { } team ? $", {team}" : "")}") },
            .. unlinked.Select(s => (s.Id.ToString(CultureInfo.InvariantCulture),
                $"{s.Name}, {Roles.Describe(s.Role.ToString())}{(s.Team is { } t ? $", {t.Name}" : "")}{(s.Email is { } e ? $" ({e})" : "")}")),
        ];
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose who they are in Care Review")]
        public string? Staff { get; set; }
    }
}
