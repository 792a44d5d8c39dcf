using CareReview.Web.Features.Me;
using CareReview.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Children;

/// <summary>
/// The child's own sign-in, set up by their social worker or IRO: a user name, then a set-up link the
/// worker gives the child, who chooses their own password. The worker never knows it.
/// </summary>
[Requires(Permission.ReachChildAndFamily)]
public sealed class OwnSignInModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars, UserManager<AppUser> users,
    PublicAddress publicAddress)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public string? UserName { get; set; }

    public AppUser? Account { get; private set; }

    /// <summary>Shown once, straight after it is made: it is not stored anywhere.</summary>
    public string? SetUpLink { get; private set; }

    public int Age => Child.AgeOn(Today);

    public bool MayHaveSignIn => Child.IsLookedAfter && Age >= ChildSignIns.MinimumAge;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        UserName ??= SuggestedUserName();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int id)
    {
        if (Account is not null || !MayHaveSignIn)
        {
            return Page();
        }

        var problem = ChildSignIns.UserNameProblem(UserName);
        if (problem is null && await users.FindByNameAsync(UserName!.Trim()) is not null)
        {
            problem = "That user name is taken. Try another";
        }

        if (problem is not null)
        {
            ModelState.AddModelError(nameof(UserName), problem);
            return Page();
        }

        var account = new AppUser { UserName = UserName!.Trim(), DisplayName = Child.GivenName, ChildId = Child.Id, LockoutEnabled = true };
        await using (var transaction = await Db.Database.BeginTransactionAsync())
        {
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                ModelState.AddModelError(nameof(UserName), created.Errors.First().Description);
                return Page();
            }

            await users.AddToRoleAsync(account, Roles.Child);
            SetUpLink = await ChildSignIns.NewSetUpLinkAsync(users, account, publicAddress, Request);
            Audit.Record(AuditAction.ChildSignInSetUp, Child.Id, $"user:{account.UserName}");
            await Db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(int id)
    {
        if (Account is null)
        {
            return NotFound();
        }

        SetUpLink = await ChildSignIns.NewSetUpLinkAsync(users, Account, publicAddress, Request);
        Audit.Record(AuditAction.ChildSignInLinkMade, Child.Id, $"user:{Account.UserName}");
        await Db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(int id)
    {
        if (Account is null)
        {
            return NotFound();
        }

        var userName = Account.UserName;
        await users.DeleteAsync(Account);
        Audit.Record(AuditAction.ChildSignInTurnedOff, Child.Id, $"user:{userName}");
        await Db.SaveChangesAsync();
        return BackToChild($"{Child.GivenName}'s sign-in is turned off");
    }

    /// <summary>The child's social worker, their IRO or the IRO manager; others are refused as if the page did not exist.</summary>
    protected internal override async Task<bool> AdmitsAsync()
    {
        Account = await users.Users.SingleOrDefaultAsync(u => u.ChildId == Child.Id);
        return true;
    }

    private string SuggestedUserName() =>
        new string([.. $"{Child.GivenName}.{Child.FamilyName[..1]}".ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '.')]);
}
