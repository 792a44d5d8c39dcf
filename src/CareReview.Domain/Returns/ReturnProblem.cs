namespace CareReview.Domain.Returns;

/// <summary>
/// A failed 903 check: the DfE rule code, the table and line of the row, the child, the field to put right
/// and the DfE's message for the rule (from <see cref="ReturnRuleCatalogue"/>).
/// </summary>
public sealed record ReturnProblem(string Code, string Table, int Line, string ChildLocalId, string Field, string Message);
