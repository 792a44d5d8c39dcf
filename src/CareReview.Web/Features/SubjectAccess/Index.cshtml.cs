namespace CareReview.Web.Features.SubjectAccess;

/// <summary>
/// A subject access request from a child or care leaver (Data Protection Act 2018): the IRO manager sees what the
/// record holds about other people and chooses what to remove (step 1), checks how much that removes (step 2), and
/// downloads the whole record as a PDF or as JSON. Each download is audited with its format and how many redactions,
/// never what they were (ADR-0027). Only the IRO manager may (the folder's permission); anyone else is answered 404.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    public const int MostNames = 50;
    public const int LongestName = 100;

    [BindProperty]
    public ReleaseInput Input { get; set; } = new();

    public SubjectAccessSources Sources { get; private set; } = null!;
    public IReadOnlyList<ThirdPartyItem> Items { get; private set; } = [];

    /// <summary>Step 2: what the choices remove, before anything is downloaded.</summary>
    public ReleasedRedactions? Check { get; private set; }

    protected internal override async Task<bool> AdmitsAsync()
    {
        Sources = await SubjectAccessSources.LoadAsync(Db, User, TimeProvider, Child);
        Items = Sources.ThirdParties();
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Input = new ReleaseInput { Remove = [.. Items.Where(i => i.Chosen).Select(i => i.Key)] };
        return await StepOneAsync();
    }

    /// <summary>Back to step 1 from step 2, with the choices as they were.</summary>
    public Task<IActionResult> OnPostChangeAsync() => StepOneAsync();

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (ChosenRedactions() is not { } redactor)
        {
            return await StepOneAsync();
        }

        Check = SubjectAccessRelease.Build(Sources, redactor, Today).Redactions;

        // The check shows only counts, but they are counted by reading the whole record.
        Audit.Record(AuditAction.ChildRecordViewed, Child.Id, "page:subject-access;step:check");
        await Db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(string? format)
    {
        if (format is not ("pdf" or "json"))
        {
            return BadRequest();
        }

        if (ChosenRedactions() is not { } redactor)
        {
            return await StepOneAsync();
        }

        var release = SubjectAccessRelease.Build(Sources, redactor, Today);
        var bytes = format == "pdf" ? SubjectAccessOutput.Pdf(release) : SubjectAccessOutput.JsonFile(release);
        Audit.Record(AuditAction.SubjectAccessExported, Child.Id, string.Create(CultureInfo.InvariantCulture,
            $"format:{format};redactions:{release.Redactions.Total}"));
        await Db.SaveChangesAsync();
        return File(bytes, format == "pdf" ? "application/pdf" : "application/json", SubjectAccessOutput.FileName(Child, Today, format));
    }

    /// <summary>Step 1, however it is reached: it shows the whole record's free text, so each showing is audited as a view.</summary>
    private async Task<IActionResult> StepOneAsync()
    {
        Audit.Record(AuditAction.ChildRecordViewed, Child.Id, "page:subject-access");
        await Db.SaveChangesAsync();
        return Page();
    }

    /// <summary>The redactor for the choices posted, or null with the problem beside the field.</summary>
    private Redactor? ChosenRedactions()
    {
        var typed = (Input.Names ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var problem = typed.Count > MostNames ? $"Enter {MostNames} names or fewer"
            : typed.FirstOrDefault(n => n.Length < 2) is { } tooShort ? $"“{tooShort}” is too short: enter names of 2 characters or more"
            : typed.FirstOrDefault(n => n.Length > LongestName) is not null ? $"Enter names of {LongestName} characters or fewer"
            : typed.FirstOrDefault(Sources.IsTheChild) is { } own ? $"“{own}” is {Child.GivenName}'s own name, which is not removed from their own record"
            : null;
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Names", problem);
            return null;
        }

        // Only what the page offered counts: a key posted from anywhere else is ignored.
        var chosen = Items.Where(i => Input.Remove.Contains(i.Key)).ToList();
        var names = chosen.Where(i => i.Kind == RedactionKind.NamesOfOtherPeople).Select(i => (i.Label, RedactionKind.NamesOfOtherPeople))
            .Concat(chosen.Any(i => i.Key == SubjectAccessSources.StaffKey)
                ? Sources.OtherStaff.Select(n => (n, RedactionKind.NamesOfOtherStaff))
                : [])
            .Concat(typed.Select(n => (n, RedactionKind.NamesTyped)));
        return new Redactor(names, chosen.Select(i => i.Key).ToHashSet(StringComparer.Ordinal));
    }
}

public sealed class ReleaseInput
{
    /// <summary>The keys of the things to remove (<see cref="ThirdPartyItem.Key"/>).</summary>
    public List<string> Remove { get; set; } = [];

    /// <summary>Other names or words to remove wherever they are written, one a line.</summary>
    public string? Names { get; set; }
}
