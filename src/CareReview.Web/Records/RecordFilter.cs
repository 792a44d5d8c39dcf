using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CareReview.Web.Records;

/// <summary>
/// Opens the record a page is about before any of its handlers run, for every page about a child
/// (<see cref="ChildPageModel"/>, and <see cref="ReviewPageModel"/> for one of the child's reviews) or an
/// escalation (<see cref="EscalationPageModel"/>). It loads what the page declares it needs, only if the
/// user may see it (<c>ChildAccess.ChildrenVisibleTo</c>) and the page admits them; otherwise it records the refusal
/// in the audit and answers 404, so a refused record looks like one that does not exist.
/// </summary>
public sealed partial class RecordFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var refusal = context.HandlerInstance switch
        {
            ChildPageModel page => await OpenChildAsync(page, context.HttpContext),
            EscalationPageModel page => await OpenEscalationAsync(page, context.HttpContext),
            _ => null,
        };
        if (refusal is not null)
        {
            var services = context.HttpContext.RequestServices;
            services.GetRequiredService<AuditLog>().Record(AuditAction.AccessRefused, refusal.ChildId, refusal.Details);
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
            context.Result = new NotFoundResult();
            return;
        }

        var executed = await next();
        await AuditViewAsync(context, executed);
    }

    /// <summary>
    /// Every read of a page that shows part of a child's record leaves one row in the audit log: the page's own
    /// words if it wrote any about the child, otherwise "child record viewed" with the page's name.
    /// </summary>
    private static async Task AuditViewAsync(PageHandlerExecutingContext context, PageHandlerExecutedContext executed)
    {
        var childId = context.HandlerInstance switch
        {
            ChildPageModel page => page.Child.Id,
            EscalationPageModel page => page.Escalation.ChildId,
            _ => (int?)null,
        };
        var shown = executed.Exception is null && executed.Result is null or PageResult or FileResult;
        if (childId is not { } id || !HttpMethods.IsGet(context.HttpContext.Request.Method) || !shown)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var audit = services.GetRequiredService<AuditLog>();
        if (!audit.HasRecordedFor(id))
        {
            audit.Record(AuditAction.ChildRecordViewed, id, $"page:{PageName(((PageModel)context.HandlerInstance).PageContext)}");
            await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
    }

    private sealed record Refusal(int? ChildId, string Details);

    private static async Task<Refusal?> OpenChildAsync(ChildPageModel page, HttpContext http)
    {
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        if (await page.ChildIdAsync() is not { } childId)
        {
            return new Refusal(null, page.RefusalDetails);
        }

        var parts = ChildRecords.PartsFor(page.GetType(), http.Request.Method);
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        if (await ChildRecords.LoadAsync(db, http.User, time, childId, parts) is not { } child)
        {
            // Kept against the child the request named, so that the audit log's child filter shows who tried.
            return new Refusal(childId, $"child:{childId}");
        }

        page.Child = child;
        page.EmergencyAccess = await db.OnlyEmergencyAccessToAsync(http.User, time, child.Id);
        if (ChangesUnderEmergencyAccess(page, child.Id, http) || PermissionConvention.Required(page.GetType()).Any(p => !page.May(p)))
        {
            return new Refusal(child.Id, page.RefusalDetails);
        }

        if (page is ReviewPageModel reviewPage)
        {
            if (child.Reviews.SingleOrDefault(r => r.Id == reviewPage.ReviewId) is not { } review)
            {
                return new Refusal(child.Id, page.RefusalDetails);
            }

            reviewPage.Review = review;
        }

        return await page.AdmitsAsync() ? null : new Refusal(child.Id, page.RefusalDetails);
    }

    private static async Task<Refusal?> OpenEscalationAsync(EscalationPageModel page, HttpContext http)
    {
        if (!int.TryParse(http.GetRouteValue("id")?.ToString(), out var id) || !await page.OpenAsync(id))
        {
            return new Refusal(page.RefusedChildId, $"escalation:{id}");
        }

        var admitted = !ChangesUnderEmergencyAccess(page, page.Escalation.ChildId, http)
                       && PermissionConvention.Required(page.GetType()).All(page.May)
                       && await page.AdmitsAsync();
        return admitted ? null : new Refusal(page.Escalation.ChildId, $"escalation:{id};{PageName(page.PageContext)}");
    }

    /// <summary>
    /// Marks what the request audits about the child when the user sees them only through emergency access, and
    /// whether it asks to change something then: emergency access is read-only (ADR-0028), so anything but a
    /// read is refused here, for every page about a child or an escalation, before any handler runs.
    /// </summary>
    private static bool ChangesUnderEmergencyAccess(IOpenUnderEmergencyAccess page, int childId, HttpContext http)
    {
        if (page.EmergencyAccess is not { } grant)
        {
            return false;
        }

        http.RequestServices.GetRequiredService<AuditLog>().UnderEmergencyAccess(childId, grant.Id);
        return !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
    }

    /// <summary>The page's name as audit details give it: <c>/Reviews/BringForward</c> is <c>bring-forward</c>.</summary>
    public static string PageName(PageContext page) =>
        Capital().Replace(page.ActionDescriptor.ViewEnginePath.Split('/')[^1], "-$0").TrimStart('-').ToLowerInvariant();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Capital();
}
