namespace CareReview.Domain.Children;

/// <summary>What the DfE looked-after return and Ofsted's Annex A ask about a child beyond their name, birth and sex.</summary>
public sealed record ChildReturnDetails(
    Ethnicity? Ethnicity,
    string? Upn,
    bool? IsMother,
    DateOnly? MothersChildBornOn,
    bool? HasDisability,
    bool IsUasc,
    DateOnly? UascCeasedOn);
