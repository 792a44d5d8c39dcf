using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;

namespace CareReview.Tests.Features.Authorization;

/// <summary>
/// Who may do what is written once (<see cref="Permissions.ByRole"/>): every page declares the permission it
/// needs, no page or view asks for a role by name, and README.md shows the table as the code has it.
/// </summary>
public sealed partial class PermissionsTests
{
    private static readonly Assembly s_web = typeof(Permissions).Assembly;

    /// <summary>Every Razor page the web project compiles: its path under Features, and the page model it binds.</summary>
    private static IEnumerable<(string Path, Type Page, Type Model)> Pages() =>
        s_web.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item => (item.Identifier, item.Type, item.Type.GetProperty("Model")?.PropertyType ?? item.Type));

    /// <summary>What a page declares: its folder's permission, its own, or that it needs no sign-in or another kind of sign-in.</summary>
    private static IEnumerable<string> Declared(string path, Type page, Type model)
    {
        var folder = "/" + path.Split('/')[2];
        if (FolderPermissions.ByFolder.TryGetValue(folder, out var permission))
        {
            yield return $"folder:{permission}";
        }

        foreach (var type in new[] { page, model })
        {
            foreach (var requires in type.GetCustomAttributes<RequiresAttribute>())
            {
                yield return $"page:{requires.Permission}";
            }

            if (type.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
            {
                yield return "anonymous";
            }

            foreach (var authorize in type.GetCustomAttributes<AuthorizeAttribute>())
            {
                yield return $"policy:{authorize.Policy}";
            }
        }

        if (folder == "/Family")
        {
            yield return $"policy:{Policies.Family}";
        }
    }

    [Fact]
    public void The_pages_are_found()
    {
        var pages = Pages().ToList();

        Assert.True(pages.Count > 50, $"Only {pages.Count} pages found");
        Assert.Contains(pages, p => p.Path == "/Features/Reviews/Record.cshtml" && p.Model.Name == "RecordModel");
    }

    [Fact]
    public void Every_page_declares_the_permission_it_needs()
    {
        var undeclared = Pages().Where(p => !Declared(p.Path, p.Page, p.Model).Any()).Select(p => p.Path).ToList();

        Assert.True(undeclared.Count == 0,
            "These pages declare no permission (a folder in FolderPermissions, [Requires], or [AllowAnonymous]):\n" + string.Join('\n', undeclared));
    }

    [Fact]
    public void No_page_authorises_by_role()
    {
        var byRole = Pages()
            .SelectMany(p => new[] { p.Page, p.Model }.SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>()).Select(a => (p.Path, a.Roles)))
            .Where(a => !string.IsNullOrEmpty(a.Roles))
            .ToList();

        Assert.Empty(byRole);
    }

    [Fact]
    public void Every_declared_permission_is_held_by_some_role()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.NotEmpty(Permissions.RolesHolding(p)));
    }

    [Fact]
    public void A_page_about_a_child_checks_its_permission_against_the_child_not_as_a_policy()
    {
        var cardModel = Pages().Single(p => p.Path == "/Features/Voice/Card.cshtml").Model;

        Assert.True(PermissionConvention.IsAboutARecord(cardModel));
        Assert.Equal([Permission.ChairReviews], PermissionConvention.Required(cardModel));
        Assert.True(typeof(PageModel).IsAssignableFrom(cardModel));
    }

    /// <summary>Asking for a role: <c>IsInRole</c>, <c>IsInRoleAsync</c>, or an attribute's <c>Roles =</c>. Giving a user a role is not asking.</summary>
    [GeneratedRegex(@"\bIsInRole(Async)?\b|\bRoles\s*=\s*[$""A-Z]")]
    private static partial Regex RoleByName();

    [Fact]
    public void No_page_or_view_asks_for_a_role_by_name()
    {
        var features = Path.Combine(Repository.Root, "src", "CareReview.Web", "Features");
        var offenders = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, number: i + 1)))
            .Where(l => RoleByName().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.f)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Ask for a Permission instead of a role:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_readme_shows_the_table_of_who_may_do_what_as_the_code_has_it()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var table = Table();

        Assert.True(readme.Contains(table, StringComparison.Ordinal), "README.md should contain this table, made from Permissions.ByRole:\n" + table);
    }

    /// <summary>The role-by-permission table as README.md shows it.</summary>
    private static string Table()
    {
        var roles = Permissions.ByRole.Keys.ToList();
        var table = new StringBuilder();
        table.Append("| Permission | ").AppendJoin(" | ", roles.Select(Roles.Describe)).Append(" |\n");
        table.Append("|---|").AppendJoin("", roles.Select(_ => "---|")).Append('\n');
        foreach (var permission in Enum.GetValues<Permission>())
        {
            table.Append("| `").Append(permission).Append("` | ").AppendJoin(" | ", roles.Select(role => Permissions.ByRole[role].FirstOrDefault(g => g.Permission == permission) switch
            {
                null => "",
                { Reach: Reach.AsTheirIro } => "as their IRO",
                { Reach: Reach.AsTheirSocialWorker } => "as their social worker",
                _ => "yes",
            })).Append(" |\n");
        }

        return table.ToString();
    }
}
