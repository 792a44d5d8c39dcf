namespace CareReview.Domain.CarePlans;

/// <summary>Who a child-friendly plan is written for: short and concrete for the youngest, fuller for teenagers.</summary>
public enum AgeBand { Under8, From8To12, From13 }

/// <summary>
/// The care plan written to the child, in "you" and "we". The writer drafts it from the current plan,
/// edits it, and shares it; a shared version is kept as it was shared, for the child's own pages.
/// </summary>
public sealed class ChildFriendlyPlan
{
    public const int MaxTextLength = 12000;

    public int Id { get; private set; }
    public int ChildId { get; private set; }

    /// <summary>The care plan version it was written from.</summary>
    public int CarePlanNumber { get; private set; }

    public AgeBand AgeBand { get; private set; }
    public string Text { get; private set; } = "";
    public string WrittenBy { get; private set; } = "";
    public DateOnly WrittenOn { get; private set; }
    public DateOnly? SharedOn { get; private set; }
    public string? SharedBy { get; private set; }

    public bool IsShared => SharedOn is not null;

    private ChildFriendlyPlan()
    {
    }

    internal ChildFriendlyPlan(int carePlanNumber, AgeBand band, string text, string by, DateOnly today)
    {
        Write(carePlanNumber, band, text, by, today);
    }

    internal void Write(int carePlanNumber, AgeBand band, string text, string by, DateOnly today)
    {
        if (IsShared)
        {
            throw new InvalidOperationException("A shared plan is kept as it was shared");
        }

        CarePlanNumber = carePlanNumber;
        AgeBand = band;
        Text = text;
        WrittenBy = by;
        WrittenOn = today;
    }

    internal void Share(string by, DateOnly today)
    {
        SharedOn = today;
        SharedBy = by;
    }

    public static AgeBand BandFor(int age) => age switch
    {
        < 8 => AgeBand.Under8,
        <= 12 => AgeBand.From8To12,
        _ => AgeBand.From13,
    };

    public static string Describe(AgeBand band) => band switch
    {
        AgeBand.Under8 => "Under 8",
        AgeBand.From8To12 => "8 to 12",
        AgeBand.From13 => "13 and over",
        _ => band.ToString(),
    };
}
