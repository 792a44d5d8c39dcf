using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Data;

/// <summary>A person who signs in. Practitioners link to their <see cref="Domain.Staff.StaffMember"/> record.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? StaffMemberId { get; set; }
}
