using CareReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Data;

/// <summary>
/// A reader learns the schema from Data/ (ADR-0001): every entity mapping sits in Data/Configurations, and
/// every table the app owns beyond the domain's is in Data/Entities. AppDbContext applies every configuration
/// in the assembly, so without this a mapping written in a feature folder would still work and hide there.
/// </summary>
public sealed class ModelHomeTests
{
    private static readonly Type[] s_webTypes = typeof(AppDbContext).Assembly.GetTypes();

    [Fact]
    public void Every_entity_mapping_is_in_data_configurations()
    {
        var mappings = s_webTypes
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            .ToList();

        Assert.NotEmpty(mappings);
        Assert.All(mappings, t => Assert.Equal("CareReview.Web.Data.Configurations", t.Namespace));
    }

    [Fact]
    public void Every_table_the_web_project_owns_is_in_data_entities()
    {
        var entities = s_webTypes.Where(t => t.Namespace?.StartsWith("CareReview.Web", StringComparison.Ordinal) == true
            && t.GetInterfaces().All(i => !i.IsGenericType || i.GetGenericTypeDefinition() != typeof(IEntityTypeConfiguration<>)))
            .ToHashSet();
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

        var webTables = db.Model.GetEntityTypes().Select(e => e.ClrType).Where(entities.Contains).ToList();

        Assert.NotEmpty(webTables);
        Assert.All(webTables, t => Assert.Equal("CareReview.Web.Data.Entities", t.Namespace));
    }
}
