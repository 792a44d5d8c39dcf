using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;

namespace CareReview.Tests.Features.Audit;

/// <summary>The people the audit log's tests act as.</summary>
internal static class AuditPages
{
    public static async Task AManagerAsync(AppFactory app, string userName) =>
        await app.AUserAsync(userName, Roles.IroManager, await app.AStaffMemberAsync($"Manager {userName}", StaffRole.IroManager));

    public static async Task AnIroAsync(AppFactory app, string userName) =>
        await app.AUserAsync(userName, Roles.Iro, await app.AStaffMemberAsync($"IRO {userName}", StaffRole.Iro));
}
