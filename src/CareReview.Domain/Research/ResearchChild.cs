using CareReview.Domain.Children;
using CareReview.Domain.Voice;

namespace CareReview.Domain.Research;

/// <summary>
/// What the extract works out for one child in the window, before it is made anonymous. Never written as it
/// stands: <see cref="ResearchQuasiIdentifiers"/> coarsens what an outsider could know, and
/// <see cref="KAnonymity"/> decides how far.
/// </summary>
/// <param name="Age">Age in whole years on the last day looked after in the window.</param>
/// <param name="LegalStatus">On the last day looked after in the window, as are the category of need and placement type.</param>
/// <param name="StartedInWindow">First looked after in the window after its first day (began, or came back).</param>
/// <param name="CeasedInWindow">Last looked after in the window before its last day.</param>
/// <param name="Placements">The first placement in the window, then each change of placement or new period of care.</param>
/// <param name="Reviews">The reviews held in the window, in the order they were held.</param>
public sealed record ResearchChild(
    string Pid,
    string? IroPid,
    Sex Sex,
    int Age,
    LegalStatus LegalStatus,
    CategoryOfNeed CategoryOfNeed,
    PlacementType PlacementType,
    bool StartedInWindow,
    bool CeasedInWindow,
    int Placements,
    IReadOnlyList<ResearchReview> Reviews,
    int IroChanges,
    int RecsMade,
    int RecsDoneOnTime,
    int RecsDoneLate,
    int RecsOpen,
    int Escalations,
    int? EscalationMaxStage,
    bool CafcassReferred);

/// <summary>
/// A review held in the window, before the extract is made anonymous; its date is only ever written as a
/// quarter, and <paramref name="Age"/> (the child's, that day) as a band.
/// </summary>
public sealed record ResearchReview(
    DateOnly HeldOn,
    int Age,
    ParticipationCode? Participation,
    bool Late,
    ParticipationMeans Means,
    bool SeenAloneBefore,
    ReviewRating? Rating);

/// <summary>A review with the child it belongs to: reviews.csv never says which, but its rows are checked child by child.</summary>
public sealed record ReviewOfChild(ResearchChild Child, ResearchReview Review);
