using static CareReview.Domain.Research.ResearchQuasiIdentifiers;

namespace CareReview.Domain.Research;

/// <summary>The coding <see cref="KAnonymity"/> chose for each quasi-identifier of one file, and its rows written with it.</summary>
public sealed class PublishedLevels<TRow>
{
    private readonly IReadOnlyList<QuasiIdentifier<TRow>> _quasiIdentifiers;
    private readonly IReadOnlyList<int> _levels;

    public PublishedLevels(IReadOnlyList<QuasiIdentifier<TRow>> quasiIdentifiers, IReadOnlyList<int> levels)
    {
        if (levels.Count != quasiIdentifiers.Count)
        {
            throw new ArgumentException("There must be a level for each quasi-identifier.", nameof(levels));
        }

        _quasiIdentifiers = quasiIdentifiers;
        _levels = levels;
    }

    /// <summary>The level of <paramref name="coding"/>'s column.</summary>
    public int Of(Coding coding) => _levels[Index(coding)];

    /// <summary>The codes the chosen level of <paramref name="coding"/> can write, in the coding's order.</summary>
    public IReadOnlyList<ValueLabel> Codes(Coding coding) => Of(coding) < coding.Top ? coding.Levels[Of(coding)].Codes : [WithheldLabel];

    /// <summary>The value <paramref name="row"/> is written with in <paramref name="coding"/>'s column.</summary>
    public string Value(Coding coding, TRow row) => _quasiIdentifiers[Index(coding)].Value(row, Of(coding));

    /// <summary>How each column was published, in the order of the file.</summary>
    public IReadOnlyList<PublishedCoding> Codings =>
        [.. _quasiIdentifiers.Select((q, i) => new PublishedCoding(q.Name, q.LevelNames[_levels[i]], _levels[i], q.Top))];

    private int Index(Coding coding)
    {
        for (var i = 0; i < _quasiIdentifiers.Count; i++)
        {
            if (_quasiIdentifiers[i].Name == coding.Column)
            {
                return i;
            }
        }

        throw new ArgumentException($"{coding.Column} is not a quasi-identifier of this file.", nameof(coding));
    }
}

/// <summary>Writes the rows of children.csv and reviews.csv with the codings chosen for each.</summary>
public static class PublishedRows
{
    public static ChildRow Child(PublishedLevels<ResearchChild> levels, ResearchChild child) => new(
        child.Pid,
        child.IroPid,
        levels.Value(Sex, child),
        levels.Value(AgeBand, child),
        levels.Value(LegalStatus, child),
        levels.Value(CategoryOfNeed, child),
        levels.Value(Placement, child),
        levels.Value(Period, child),
        levels.Value(Placements, child),
        levels.Value(ReviewsHeld, child),
        levels.Value(ReviewsLate, child),
        levels.Value(TookPart, child),
        child.IroChanges,
        child.RecsMade,
        child.RecsDoneOnTime,
        child.RecsDoneLate,
        child.RecsOpen,
        child.Escalations,
        child.EscalationMaxStage,
        child.CafcassReferred);

    /// <summary>
    /// A review's row. How the child took part (the means) is written only with the participation code itself:
    /// the means all but give the code away (attended, an advocate, wrote), so they would undo a coarser coding.
    /// </summary>
    public static ReviewRow Review(PublishedLevels<ReviewOfChild> levels, ReviewOfChild review) => new(
        levels.Value(Sex, review),
        levels.Value(AgeBand, review),
        levels.Value(Quarter, review),
        levels.Value(Participation, review),
        levels.Value(Late, review),
        levels.Of(Participation) == 0 ? review.Review.Means : null,
        review.Review.SeenAloneBefore,
        review.Review.Rating);
}

/// <summary>How one quasi-identifier was published: its coding in words, and how far up its ladder (0: as fine as it goes).</summary>
public sealed record PublishedCoding(string Column, string Coding, int Level, int Top)
{
    public bool IsGeneralised => Level > 0;
}

/// <summary>
/// How one file was made anonymous: every row shares its quasi-identifiers with rows of at least k children
/// (<see cref="ExtractAnonymity.K"/>; <see cref="SmallestGroup"/> is the fewest); <see cref="Generalised"/> of its <see cref="Rows"/> have a
/// value coarser than the finest coding; <see cref="Suppressed"/> rows were left out because they would still
/// have stood out.
/// </summary>
public sealed record FileAnonymity(string FileName, IReadOnlyList<PublishedCoding> Codings, int Rows, int Generalised, int Suppressed, int SmallestGroup);

/// <summary>How the extract was made anonymous, file by file.</summary>
public sealed record ExtractAnonymity(int K, FileAnonymity Children, FileAnonymity Reviews);
