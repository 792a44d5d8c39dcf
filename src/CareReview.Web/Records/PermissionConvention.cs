using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CareReview.Web.Records;

/// <summary>
/// Turns a page's <see cref="RequiresAttribute"/> into its authorisation policy, except on pages about a
/// child or an escalation: there <see cref="RecordFilter"/> checks it against the record, so that a refusal
/// answers 404 and names the child in the audit, as any other refusal of that record does.
/// </summary>
public sealed class PermissionConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (IsAboutARecord(model.HandlerType))
        {
            return;
        }

        foreach (var requires in model.HandlerType.GetCustomAttributes<RequiresAttribute>())
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(Permissions.PolicyFor(requires.Permission)));
        }
    }

    public static bool IsAboutARecord(Type page) =>
        typeof(ChildPageModel).IsAssignableFrom(page) || typeof(EscalationPageModel).IsAssignableFrom(page);

    /// <summary>The permissions a page declares.</summary>
    public static IEnumerable<Permission> Required(Type page) => page.GetCustomAttributes<RequiresAttribute>().Select(r => r.Permission);
}
