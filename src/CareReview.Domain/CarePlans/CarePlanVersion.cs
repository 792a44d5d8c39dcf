namespace CareReview.Domain.CarePlans;

/// <summary>The parts of a care plan, CPPCR 2010 reg 5 (statutory-rules.md §5.1), in the order the regulation lists them.</summary>
public enum CarePlanSection
{
    /// <summary>reg 5(a): the long-term plan for the child's upbringing, beside the permanence options.</summary>
    Permanence,

    /// <summary>reg 5(b)(i) and Sch 1 para 1.</summary>
    HealthPlan,

    /// <summary>reg 5(b)(ii) and Sch 1 para 2.</summary>
    PersonalEducationPlan,

    EmotionalAndBehaviouralDevelopment,
    Identity,
    FamilyAndSocialRelationships,

    /// <summary>Part of reg 5(b)(v), kept apart because a change to contact needs a review first.</summary>
    Contact,

    SocialPresentation,
    SelfCareSkills,

    /// <summary>reg 5(c) and Sch 2.</summary>
    PlacementPlan,

    /// <summary>reg 5(e).</summary>
    ChildsWishesAndFeelings,

    /// <summary>reg 5(e).</summary>
    ParentsWishesAndFeelings,
}

/// <summary>Permanence options, the Ofsted Annex A and SSD codes (statutory-rules.md §5.1). Stored by name: never rename one.</summary>
public enum PermanenceOption { REMAINSUP, RETURN1M, RETURN6M, RETURNEV, LTRELFR, LTFOST18, RESPLMT, SUPPLIV, ADOPTION, OTHERPLN }

public static class CarePlanWords
{
    public static string Describe(this CarePlanSection section) => section switch
    {
        CarePlanSection.Permanence => "Plan for permanence",
        CarePlanSection.HealthPlan => "Health plan",
        CarePlanSection.PersonalEducationPlan => "Personal education plan",
        CarePlanSection.EmotionalAndBehaviouralDevelopment => "Emotional and behavioural development",
        CarePlanSection.Identity => "Identity",
        CarePlanSection.FamilyAndSocialRelationships => "Family and social relationships",
        CarePlanSection.Contact => "Contact with family and friends",
        CarePlanSection.SocialPresentation => "Social presentation",
        CarePlanSection.SelfCareSkills => "Self-care skills",
        CarePlanSection.PlacementPlan => "Placement plan",
        CarePlanSection.ChildsWishesAndFeelings => "The child's wishes and feelings",
        CarePlanSection.ParentsWishesAndFeelings => "Parents' wishes and feelings",
        _ => section.ToString(),
    };

    /// <summary>What the regulation asks the section to cover, as a hint beside the field.</summary>
    public static string Hint(this CarePlanSection section) => section switch
    {
        CarePlanSection.Permanence => "The long-term plan for the child's upbringing (reg 5(a))",
        CarePlanSection.HealthPlan => "State of health, history, routine checks, dental care, immunisations, planned changes (Sch 1 para 1)",
        CarePlanSection.PersonalEducationPlan => "School or setting, attendance, achievements, special educational needs, planned changes (Sch 1 para 2)",
        CarePlanSection.EmotionalAndBehaviouralDevelopment => "How the child's emotional and behavioural needs will be met (reg 5(b)(iii))",
        CarePlanSection.Identity => "Religious persuasion, racial origin, cultural and linguistic background (reg 5(b)(iv))",
        CarePlanSection.FamilyAndSocialRelationships => "Relationships with family, siblings and friends (reg 5(b)(v))",
        CarePlanSection.Contact => "Who the child sees, how often and where, and any restrictions (reg 5(b)(v), Sch 1 para 3)",
        CarePlanSection.SocialPresentation => "How the child presents to others (reg 5(b)(vi))",
        CarePlanSection.SelfCareSkills => "Skills for looking after themselves (reg 5(b)(vii))",
        CarePlanSection.PlacementPlan => "Day-to-day care, health and consent, education, visits, delegated authority (reg 5(c), Sch 2)",
        CarePlanSection.ChildsWishesAndFeelings => "What the child wants, in their words where possible (reg 5(e))",
        CarePlanSection.ParentsWishesAndFeelings => "What the parents and others with parental responsibility want (reg 5(e))",
        _ => "",
    };

    public static string Describe(this PermanenceOption option) => option switch
    {
        PermanenceOption.REMAINSUP => "Remain with birth family, supported by shared care or short breaks",
        PermanenceOption.RETURN1M => "Return to birth family within one month",
        PermanenceOption.RETURN6M => "Return to birth family within six months",
        PermanenceOption.RETURNEV => "Eventual return to birth family",
        PermanenceOption.LTRELFR => "Long-term placement with relatives or friends",
        PermanenceOption.LTFOST18 => "Long-term foster placement, intended to last until 18",
        PermanenceOption.RESPLMT => "Residential placement until independence",
        PermanenceOption.SUPPLIV => "Supported living in the community",
        PermanenceOption.ADOPTION => "Adoption",
        PermanenceOption.OTHERPLN => "Other plan",
        _ => option.ToString(),
    };

    /// <summary>A change to these needs a review first (CPPCR 2010 reg 32(2)): permanence, placement and contact.</summary>
    public static bool IsSignificant(this CarePlanSection section) =>
        section is CarePlanSection.Permanence or CarePlanSection.PlacementPlan or CarePlanSection.Contact;
}

/// <summary>What someone saves when they change a care plan: the whole plan as it should now read.</summary>
public sealed record CarePlanDraft(IReadOnlyList<PermanenceOption> Permanence, IReadOnlyDictionary<CarePlanSection, string?> Sections, string? ChangeNote);

/// <summary>One section's text in one version, with the day it last changed (carried from version to version while unchanged).</summary>
public sealed class CarePlanSectionText
{
    public int Id { get; private set; }
    public CarePlanSection Section { get; private set; }
    public string Text { get; private set; } = "";
    public DateOnly ChangedOn { get; private set; }

    private CarePlanSectionText()
    {
    }

    internal CarePlanSectionText(CarePlanSection section, string text, DateOnly changedOn)
    {
        Section = section;
        Text = text;
        ChangedOn = changedOn;
    }
}

/// <summary>
/// One version of a child's care plan. Versions are never changed: each change to the plan is a new
/// version, so any two can be compared and every change shows who made it and when.
/// </summary>
public sealed class CarePlanVersion
{
    public const int MaxSectionLength = 8000;
    public const int MaxNoteLength = 1000;

    private readonly List<CarePlanSectionText> _sections = [];

    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public int Number { get; private set; }
    public DateOnly MadeOn { get; private set; }
    public string MadeBy { get; private set; } = "";

    /// <summary>The member of staff who made the version, when known: an IRO cannot review a plan they wrote (reg 46).</summary>
    public int? MadeByStaffId { get; private set; }

    /// <summary>reg 5(d): the IRO's name, taken from the child's allocation when the version is made.</summary>
    public string? IroName { get; private set; }

    /// <summary>The permanence options, space-separated codes; more than one when planning in parallel.</summary>
    public string PermanenceCodes { get; private set; } = "";

    public string? ChangeNote { get; private set; }

    /// <summary>The sections whose change needs a review first (reg 32(2)), space-separated; empty when none.</summary>
    public string SignificantChanges { get; private set; } = "";

    public IReadOnlyList<CarePlanSectionText> Sections => _sections;

    public IReadOnlyList<PermanenceOption> Permanence =>
        [.. PermanenceCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PermanenceOption>)];

    public bool IsSignificantChange => SignificantChanges.Length > 0;

    public IReadOnlyList<CarePlanSection> SignificantSections =>
        [.. SignificantChanges.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CarePlanSection>)];

    private CarePlanVersion()
    {
    }

    internal CarePlanVersion(int number, DateOnly madeOn, string madeBy, string? iroName, IEnumerable<PermanenceOption> permanence,
        string? changeNote, IEnumerable<CarePlanSectionText> sections, IEnumerable<CarePlanSection> significant)
    {
        Number = number;
        MadeOn = madeOn;
        MadeBy = madeBy;
        IroName = iroName;
        PermanenceCodes = string.Join(' ', permanence);
        ChangeNote = changeNote;
        _sections.AddRange(sections);
        SignificantChanges = string.Join(' ', significant);
    }

    /// <summary>Records which member of staff made this version (the name alone cannot be checked).</summary>
    public void MadeByStaff(int? staffMemberId) => MadeByStaffId ??= staffMemberId;

    public string Text(CarePlanSection section) => _sections.FirstOrDefault(s => s.Section == section)?.Text ?? "";

    public DateOnly? ChangedOn(CarePlanSection section) => _sections.FirstOrDefault(s => s.Section == section)?.ChangedOn;

    /// <summary>
    /// Builds the next version from a draft: sections that did not change keep the day they last changed, and
    /// a change to permanence, placement or contact is marked significant (reg 32(2)).
    /// </summary>
    internal static CarePlanVersion Next(CarePlanVersion? previous, CarePlanDraft draft, string by, string? iroName, DateOnly today)
    {
        if (draft.Permanence.Count == 0)
        {
            throw new DomainRuleException("Select at least one permanence option (reg 5(a))", "Permanence");
        }

        var permanence = draft.Permanence.Distinct().Order().ToList();
        var note = string.IsNullOrWhiteSpace(draft.ChangeNote) ? null : draft.ChangeNote.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw new DomainRuleException("The note must be 1,000 characters or fewer", "ChangeNote");
        }

        var sections = new List<CarePlanSectionText>();
        var changed = new List<CarePlanSection>();
        foreach (var section in Enum.GetValues<CarePlanSection>())
        {
            var text = draft.Sections.TryGetValue(section, out var typed) ? (typed ?? "").Trim().ReplaceLineEndings("\n") : "";
            if (text.Length > MaxSectionLength)
            {
                throw new DomainRuleException($"{section.Describe()} must be 8,000 characters or fewer", $"Sections[{section}]");
            }

            var same = previous is not null && previous.Text(section) == text;
            sections.Add(new CarePlanSectionText(section, text, same ? previous!.ChangedOn(section)!.Value : today));
            if (!same)
            {
                changed.Add(section);
            }
        }

        var permanenceChanged = previous is not null && !previous.Permanence.SequenceEqual(permanence);
        if (previous is not null && changed.Count == 0 && !permanenceChanged && previous.IroName == iroName)
        {
            throw new DomainRuleException("Nothing in the plan has changed. Change a section, or cancel", "");
        }

        // The first plan is not a change to a plan; after it, permanence, placement and contact are significant.
        var significant = previous is null
            ? []
            : changed.Where(s => s.IsSignificant()).Union(permanenceChanged ? [CarePlanSection.Permanence] : []).Order().ToList();
        return new CarePlanVersion((previous?.Number ?? 0) + 1, today, by, iroName, permanence, note, sections, significant);
    }
}
