namespace CareReview.Web.Features.Voice;

public static class InvitationWords
{
    public static string Describe(InvitationState state) => state switch
    {
        InvitationState.Waiting => "not opened yet",
        InvitationState.Used => "opened",
        InvitationState.Expired => "expired unopened",
        _ => "cancelled",
    };
}
