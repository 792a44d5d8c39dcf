using System.Linq.Expressions;

namespace CareReview.Web.Features.Children;

/// <summary>
/// Brothers and sisters in care: the IRO manager or the child's social worker links the child to another
/// child they may see, so that the siblings are offered the same IRO (statutory-rules.md §6.2).
/// </summary>
[Requires(Permission.LinkSiblings)]
[Shows(ChildParts.None)]
public sealed class SiblingsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The linked brothers and sisters this user may see.</summary>
    public IReadOnlyList<Child> Siblings { get; private set; } = [];

    /// <summary>Linked brothers and sisters this user may not see: counted, never named.</summary>
    public int HiddenSiblings { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;

        Input = new InputModel { Version = child.Version };
        await LoadSiblingsAsync();
        Audit.Record(AuditAction.SiblingsViewed, child.Id, $"linked:{Siblings.Count + HiddenSiblings}");
        await Db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var child = Child;

        var reference = Input.LocalId?.Trim();
        var sibling = string.IsNullOrEmpty(reference) ? null
            // Linking changes the other child's record too, so emergency access to them (read only, ADR-0028) is not enough.
            : await Db.ChildrenWorkedWithBy(User).Include(c => c.SiblingGroup).SingleOrDefaultAsync(c => c.LocalId == reference);
        if (string.IsNullOrEmpty(reference))
        {
            ModelState.AddModelError("Input.LocalId", "Enter the local reference of the brother or sister");
        }
        else if (sibling is null)
        {
            // Said the same way whether the child does not exist or the user may not see them.
            ModelState.AddModelError("Input.LocalId", "No child you can see has that reference");
        }
        else if (sibling.Id == child.Id)
        {
            ModelState.AddModelError("Input.LocalId", "Enter the reference of another child");
        }
        else if (sibling.SiblingGroupId is not null && sibling.SiblingGroupId == child.SiblingGroupId)
        {
            ModelState.AddModelError("Input.LocalId", $"{sibling.FullName} is already linked as a brother or sister");
        }

        if (!ModelState.IsValid)
        {
            await LoadSiblingsAsync();
            return Page();
        }

        // The child joins the sibling's group; the child's own brothers and sisters come too.
        var group = sibling!.SiblingGroup ?? child.SiblingGroup ?? new SiblingGroup();
        var moving = child.SiblingGroupId is { } oldGroup && oldGroup != group.Id
            ? await Db.Children.Where(c => c.SiblingGroupId == oldGroup && c.Id != child.Id).ToListAsync()
            : [];

        if (!await TryApplyAsync(Input.Version, () =>
            {
                if (group.Id == 0)
                {
                    Db.Add(group);
                }

                child.JoinSiblingGroup(group);
                sibling.JoinSiblingGroup(group);
                moving.ForEach(c => c.JoinSiblingGroup(group));
            }, AuditAction.SiblingLinked, () => $"sibling:{sibling.Id};group:{group.Id}"))
        {
            await LoadSiblingsAsync();
            return Page();
        }

        return RedirectToPage("/Children/Siblings", new { id });
    }

    /// <summary>Takes the child out of the group (linked in error).</summary>
    public async Task<IActionResult> OnPostUnlinkAsync(int id)
    {
        var child = Child;

        var group = child.SiblingGroupId;
        if (!await TryApplyAsync(Input.Version, child.LeaveSiblingGroup, AuditAction.SiblingUnlinked, () => $"group:{group}"))
        {
            await LoadSiblingsAsync();
            return Page();
        }

        return RedirectToPage("/Children/Siblings", new { id });
    }

    private async Task LoadSiblingsAsync()
    {
        if (Child.SiblingGroupId is not { } groupId)
        {
            return;
        }

        var childId = Child.Id;
        Expression<Func<Child, bool>> sibling = c => c.SiblingGroupId == groupId && c.Id != childId;
        Siblings = await Db.ChildrenVisibleTo(User, TimeProvider).Where(sibling).Include(c => c.Iro).Include(c => c.Episodes).OrderBy(c => c.DateOfBirth).ToListAsync();
        HiddenSiblings = await Db.Children.CountAsync(sibling) - Siblings.Count;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public string? LocalId { get; set; }
    }
}
