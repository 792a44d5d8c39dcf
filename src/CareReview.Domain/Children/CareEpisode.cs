namespace CareReview.Domain.Children;

/// <summary>
/// One episode of care as the DfE looked-after return records it: a stretch with one legal status and
/// one placement. A change of either closes the episode (reason X1) and opens the next on the same day.
/// </summary>
public sealed class CareEpisode
{
    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public ReasonForNewEpisode ReasonForNewEpisode { get; private set; }
    public LegalStatus LegalStatus { get; private set; }
    public CategoryOfNeed CategoryOfNeed { get; private set; }
    public PlacementType PlacementType { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public ReasonEpisodeCeased? ReasonEnded { get; private set; }

    /// <summary>Why the placement changed, recorded on the episode that ends with the move.</summary>
    public ReasonForPlacementChange? ReasonForPlacementChange { get; private set; }

    /// <summary>SSDA903 PLACE_PROVIDER.</summary>
    public PlacementProvider? PlacementProvider { get; private set; }

    /// <summary>SSDA903 HOME_POST: the postcode of the home the child was living in when they came into care.</summary>
    public string? HomePostcode { get; private set; }

    /// <summary>SSDA903 PL_POST.</summary>
    public string? PlacementPostcode { get; private set; }

    /// <summary>SSDA903 URN: Ofsted's reference for the placement, or <see cref="PlacementDetails.NoUrn"/>.</summary>
    public string? Urn { get; private set; }

    public PlacementDetails Placement => new(PlacementProvider, HomePostcode, PlacementPostcode, Urn);

    public bool IsOpen => EndedOn is null;

    private CareEpisode()
    {
    }

    internal CareEpisode(DateOnly startedOn, ReasonForNewEpisode reason, LegalStatus legalStatus,
        CategoryOfNeed categoryOfNeed, PlacementType placementType, PlacementDetails placement)
    {
        StartedOn = startedOn;
        ReasonForNewEpisode = reason;
        LegalStatus = legalStatus;
        CategoryOfNeed = categoryOfNeed;
        PlacementType = placementType;
        SetPlacement(placement);
    }

    /// <summary>Takes details already checked against this episode's placement type.</summary>
    internal void SetPlacement(PlacementDetails placement)
    {
        PlacementProvider = placement.Provider;
        HomePostcode = placement.HomePostcode;
        PlacementPostcode = placement.PlacementPostcode;
        Urn = placement.Urn;
    }

    /// <summary>Takes every fact of <paramref name="other"/>, an episode the case system gives for the same day.</summary>
    internal void Become(CareEpisode other)
    {
        ReasonForNewEpisode = other.ReasonForNewEpisode;
        LegalStatus = other.LegalStatus;
        CategoryOfNeed = other.CategoryOfNeed;
        PlacementType = other.PlacementType;
        SetPlacement(other.Placement);
        EndedOn = other.EndedOn;
        ReasonEnded = other.ReasonEnded;
        ReasonForPlacementChange = other.ReasonForPlacementChange;
    }

    internal void End(DateOnly endedOn, ReasonEpisodeCeased reason, ReasonForPlacementChange? placementChange = null)
    {
        EndedOn = endedOn;
        ReasonEnded = reason;
        ReasonForPlacementChange = placementChange;
    }
}
