using CareReview.Domain;
using CareReview.Domain.Voice;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain.Voice;

/// <summary>Views sent by a child or a parent before a review, for the IRO's agenda.</summary>
public sealed class ReviewViewsTests
{
    private static readonly ViewsDraft s_draft = new("School is good", " ", null, "My foster carer", "After school at home", true, false, true);

    [Fact]
    public void A_child_sends_views_for_their_next_review_and_blank_answers_stay_empty()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var review = child.ScheduleReview(Arrangements("2026-09-20"), D("2026-09-05"), Rules);

        var views = ReviewViews.FromChild(review, "Sam", s_draft, D("2026-09-10"));

        Assert.Equal(ViewsAuthor.Child, views.Author);
        Assert.Equal("School is good", views.GoingWell);
        Assert.Null(views.NotGoingWell);
        Assert.Equal("My foster carer", views.WhoIWantThere);
        Assert.True(views.TalkToIroAlone);
        Assert.Null(views.WillAttend); // attending is asked of parents, not the child
        Assert.Equal(D("2026-09-10"), views.SentOn);
    }

    [Fact]
    public void A_parent_gives_views_but_is_not_asked_the_childs_questions()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var review = child.ScheduleReview(Arrangements("2026-09-20"), D("2026-09-05"), Rules);

        var views = ReviewViews.FromParent(review, 7, "Kim Taylor", "Mum", s_draft, D("2026-09-10"));

        Assert.Equal(ViewsAuthor.ParentOrCarer, views.Author);
        Assert.Equal("Mum", views.Relationship);
        Assert.Equal(7, views.InvitationId);
        Assert.True(views.WillAttend);
        Assert.Null(views.WhoIWantThere);
        Assert.Null(views.TalkToIroAlone);
    }

    [Fact]
    public void At_least_one_of_the_three_prompts_must_be_answered()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var review = child.ScheduleReview(Arrangements("2026-09-20"), D("2026-09-05"), Rules);

        AssertRefused(nameof(ViewsDraft.GoingWell), () => ReviewViews.FromChild(review, "Sam", new ViewsDraft(" ", null, "", "Mum"), D("2026-09-10")));
    }

    [Fact]
    public void Every_overlong_answer_is_reported_against_its_own_field()
    {
        var longText = new string('a', ReviewViews.MaxAnswerLength + 1);
        var problems = ReviewViews.Problems(new ViewsDraft(longText, "ok", longText, new string('b', ReviewViews.MaxShortAnswerLength + 1)));

        Assert.Equal([nameof(ViewsDraft.GoingWell), nameof(ViewsDraft.WantToChange), nameof(ViewsDraft.WhoIWantThere)], problems.Select(p => p.Field));
        Assert.Empty(ReviewViews.Problems(new ViewsDraft(new string('a', ReviewViews.MaxAnswerLength), null, null)));
    }

    [Fact]
    public void Views_can_be_changed_until_the_review_is_held_and_not_after()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var review = child.ScheduleReview(Arrangements("2026-09-20"), D("2026-09-05"), Rules);
        var views = ReviewViews.FromChild(review, "Sam", s_draft, D("2026-09-10"));

        views.Change(review, s_draft with { NotGoingWell = "Contact with Dad" }, D("2026-09-12"));
        Assert.Equal("Contact with Dad", views.NotGoingWell);
        Assert.Equal(D("2026-09-12"), views.ChangedOn);

        child.RecordReview(Held("2026-09-20"), [], [], "IRO Jo", D("2026-09-20"), Rules);
        Assert.Throws<DomainRuleException>(() => views.Change(review, s_draft, D("2026-09-21")));
        Assert.Throws<DomainRuleException>(() => ReviewViews.FromChild(review, "Sam", s_draft, D("2026-09-21")));
    }
}
