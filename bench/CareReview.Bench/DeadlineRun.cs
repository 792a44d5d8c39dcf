using System.Collections.Concurrent;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;

namespace CareReview.Bench;

/// <summary>
/// The measured operation: every deadline for every child. The schedules are consumed (their due dates
/// summed into a checksum) and dropped, as a nightly job that stores them child by child would drop them.
/// </summary>
public static class DeadlineRun
{
    public static long SingleThread(Child[] children, DateOnly today, Rulebook rules)
    {
        long checksum = 0;
        foreach (var child in children)
        {
            checksum += Consume(DeadlineEngine.Compute(child, today, rules));
        }

        return checksum;
    }

    /// <summary>The same work split into chunks over <paramref name="threads"/> threads.</summary>
    public static long Parallel(Child[] children, DateOnly today, Rulebook rules, int threads)
    {
        long checksum = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        System.Threading.Tasks.Parallel.ForEach(Partitioner.Create(0, children.Length, 1000), options, () => 0L,
            (range, _, local) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    local += Consume(DeadlineEngine.Compute(children[i], today, rules));
                }

                return local;
            },
            local => Interlocked.Add(ref checksum, local));
        return checksum;
    }

    private static long Consume(DeadlineSchedule schedule)
    {
        long sum = schedule.Items.Count + (schedule.RecomputeOn?.DayNumber ?? 0);
        foreach (var deadline in schedule.Items)
        {
            sum += deadline.DueOn.DayNumber + deadline.Explanation.Length;
        }

        return sum;
    }
}
