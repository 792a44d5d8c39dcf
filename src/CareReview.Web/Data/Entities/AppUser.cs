using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Data.Entities;

/// <summary>A person who signs in. Practitioners link to their <see cref="Domain.Staff.StaffMember"/> record.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? StaffMemberId { get; set; }

    /// <summary>Set for a child's or young person's own sign-in: the child it belongs to.</summary>
    public int? ChildId { get; set; }
}
