using System.Security.Claims;
using CareReview.Web.Commands;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

/// <summary>The person the council's provider vouched for: the claims of their ID token that Care Review reads.</summary>
public sealed record ExternalPerson(string Subject, string? Email, string Name, IReadOnlyList<string> Groups)
{
    public static ExternalPerson? From(ClaimsPrincipal principal, OidcSettings settings)
    {
        if (principal.FindFirstValue("sub") is not { Length: > 0 } subject)
        {
            return null;
        }

        // Entra ID sends no email claim for someone without a mailbox; their sign-in name is then the address. An
        // address the provider says it has not checked is never used to match anyone.
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue("preferred_username");
        if (email?.Contains('@', StringComparison.Ordinal) != true || principal.FindFirstValue("email_verified") == "false")
        {
            email = null;
        }

        var name = principal.FindFirstValue("name") ?? email ?? subject;
        return new ExternalPerson(subject, email?.Trim(), name, [.. principal.FindAll(settings.GroupsClaim).Select(c => c.Value)]);
    }
}

public enum OidcOutcome
{
    /// <summary>Signed in, with the roles their groups give them.</summary>
    SignedIn,

    /// <summary>No staff record matched them: they wait for an IRO manager.</summary>
    Waiting,

    /// <summary>None of their groups maps to a Care Review role.</summary>
    NoAccess,

    /// <summary>An IRO manager refused them.</summary>
    Refused,
}

public sealed record OidcSignInResult(OidcOutcome Outcome, AppUser? User = null);

/// <summary>
/// Decides what a person coming back from the council's provider may do (ADR-0031): finds their Care Review user by
/// their <c>sub</c> (an Identity external login under provider <c>oidc</c>), or the first time matches them to a staff
/// record by email; makes their roles and team follow their groups; and audits the outcome, in one transaction.
/// </summary>
public sealed class OidcSignIns(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, AuditLog audit, TimeProvider time,
    OidcSettings settings)
{
    public async Task<OidcSignInResult> SignInAsync(ExternalPerson person)
    {
        var access = settings.AccessFor(person.Groups);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByLoginAsync(OidcSettings.Scheme, person.Subject);
        if (user is null && access.Roles.Count == 0)
        {
            // Nobody to keep: no user is made for someone the council has not given any role.
            audit.RecordFor("", $"oidc:{person.Subject}", AuditAction.OidcSignInNoAccess, $"groups:{person.Groups.Count}");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return new OidcSignInResult(OidcOutcome.NoAccess);
        }

        user ??= await FirstSeenAsync(person);
        var result = await FollowGroupsAsync(user, person, access);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>
    /// The staff records whose email is the person's, ignoring case. Only one is a match; none, or more than one,
    /// leaves the person waiting for an IRO manager to say who they are.
    /// </summary>
    public async Task<IReadOnlyList<StaffMember>> StaffWithEmailAsync(string? email) =>
        email is null
            ? []
            : (await db.StaffMembers.Where(s => s.Email != null).ToListAsync())
                .Where(s => string.Equals(s.Email!.Trim(), email, StringComparison.OrdinalIgnoreCase)).ToList();

    private async Task<AppUser> FirstSeenAsync(ExternalPerson person)
    {
        var matches = await StaffWithEmailAsync(person.Email);
        var staff = matches.Count == 1 ? matches[0] : null;

        // A member of staff who already has a local account keeps it: the council's sign-in becomes a second way in.
        var user = staff is null ? null : await db.Users.FirstOrDefaultAsync(u => u.StaffMemberId == staff.Id && u.ChildId == null);
        if (user is null)
        {
            user = new AppUser { UserName = await UserNameForAsync(person), DisplayName = staff?.Name ?? person.Name, Email = person.Email, StaffMemberId = staff?.Id };
            Succeeded(await users.CreateAsync(user));
        }

        Succeeded(await users.AddLoginAsync(user, new UserLoginInfo(OidcSettings.Scheme, person.Subject, settings.CouncilName)));
        var matched = matches.Count switch { 0 => "none", 1 => "email", _ => "several" };
        audit.RecordFor(user.Id, user.UserName!, AuditAction.OidcUserLinked, $"staff:{staff?.Id.ToString(CultureInfo.InvariantCulture) ?? "none"};matched:{matched}");
        return user;
    }

    private async Task<OidcSignInResult> FollowGroupsAsync(AppUser user, ExternalPerson person, MappedAccess access)
    {
        var request = await db.SignInRequests.SingleOrDefaultAsync(r => r.UserId == user.Id);
        var refused = request?.Status == SignInRequestStatus.Refused;
        var waiting = !refused && access.Roles.Count > 0 && access.NeedsStaffMember && user.StaffMemberId is null;

        // Roles are held only while they are in use: someone waiting, refused or with no mapped group holds none,
        // so a local password, if they have one, opens nothing either.
        await SetRolesAsync(user, refused || waiting ? [] : access.Roles);
        if (access.Roles.Count == 0)
        {
            audit.RecordFor(user.Id, user.UserName!, AuditAction.OidcSignInNoAccess, $"groups:{person.Groups.Count}");
            return new OidcSignInResult(OidcOutcome.NoAccess, user);
        }

        if (refused)
        {
            audit.RecordFor(user.Id, user.UserName!, AuditAction.OidcSignInRefused, $"request:{request!.Id}");
            return new OidcSignInResult(OidcOutcome.Refused, user);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (waiting)
        {
            if (request is null)
            {
                request = new SignInRequest(user.Id, now);
                db.SignInRequests.Add(request);
            }

            request.TriedAgain(access.Roles, access.Team, now);
            await db.SaveChangesAsync();
            audit.RecordFor(user.Id, user.UserName!, AuditAction.OidcSignInWaiting, $"request:{request.Id}");
            return new OidcSignInResult(OidcOutcome.Waiting, user);
        }

        await FollowTeamAsync(user, access.Team);
        audit.RecordFor(user.Id, user.UserName!, AuditAction.SignedIn, "via:oidc");
        return new OidcSignInResult(OidcOutcome.SignedIn, user);
    }

    private async Task SetRolesAsync(AppUser user, IReadOnlyList<string> target)
    {
        var held = await users.GetRolesAsync(user);
        var removed = held.Except(target).ToList();
        var added = target.Except(held).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        await CreateAdministratorCommand.EnsureRolesAsync(roles);
        Succeeded(await users.RemoveFromRolesAsync(user, removed));
        Succeeded(await users.AddToRolesAsync(user, added));
        audit.RecordFor(user.Id, user.UserName!, AuditAction.OidcRolesChanged, $"roles:{string.Join(',', held.Order())}->{string.Join(',', target)}");
    }

    /// <summary>Moves the person's staff record to the team their groups name, making the team if Care Review has none of that name.</summary>
    private async Task FollowTeamAsync(AppUser user, string? teamName)
    {
        if (teamName is null || user.StaffMemberId is not { } staffId)
        {
            return;
        }

        var staff = await db.StaffMembers.Include(s => s.Team).SingleAsync(s => s.Id == staffId);
        if (string.Equals(staff.Team?.Name, teamName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var team = await TeamNamedAsync(db, teamName);
        await db.SaveChangesAsync();
        var before = staff.TeamId;
        staff.MoveToTeam(team);
        audit.RecordFor(user.Id, user.UserName!, AuditAction.OidcTeamChanged,
            $"staff:{staffId};team:{before?.ToString(CultureInfo.InvariantCulture) ?? "none"}->{team.Id}");
    }

    /// <summary>The team of that name, ignoring case, or a new one added to the context (the mapping table names teams as the council knows them).</summary>
    public static async Task<Team> TeamNamedAsync(AppDbContext db, string name)
    {
        var team = (await db.Teams.ToListAsync()).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (team is null)
        {
            team = new Team(name.Length > 100 ? name[..100] : name);
            db.Teams.Add(team);
        }

        return team;
    }

    /// <summary>Their email address, as people know them in the audit log, unless Identity cannot take it or another user has it.</summary>
    private async Task<string> UserNameForAsync(ExternalPerson person) =>
        person.Email is { } email && email.All(users.Options.User.AllowedUserNameCharacters.Contains) && await users.FindByNameAsync(email) is null
            ? email
            : $"oidc-{person.Subject}";

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
