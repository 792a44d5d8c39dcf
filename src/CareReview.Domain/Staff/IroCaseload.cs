namespace CareReview.Domain.Staff;

public enum CaseloadBand { Below, Within, Above }

/// <summary>
/// An IRO's caseload against the IRO Handbook's guidance of 50 to 70 looked-after children for a
/// full-time IRO, pro-rated by the IRO's FTE (statutory-rules.md §6; the figures are guidance, grade B).
/// </summary>
public sealed record IroCaseload(int Children, decimal Fte)
{
    public const int FullTimeLower = 50;
    public const int FullTimeUpper = 70;

    // The fewest and the most whole children inside the pro-rated range: rounding the other way would
    // let, say, 53 children at 0.75 FTE (70.7 per FTE) count as within 70 per FTE.
    public int Lower => (int)Math.Ceiling(FullTimeLower * Fte);
    public int Upper => (int)Math.Floor(FullTimeUpper * Fte);

    public CaseloadBand Band => Children < Lower ? CaseloadBand.Below
        : Children > Upper ? CaseloadBand.Above
        : CaseloadBand.Within;
}
