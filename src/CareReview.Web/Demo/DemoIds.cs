using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace CareReview.Web.Demo;

/// <summary>
/// A save for <see cref="DemoCouncil.BuildAsync"/> that needs no database: it gives entities ids as the database
/// does on insert, per type and in the order saved, and gives each entity in an owner's collections the owner's id
/// (a review its ChildId, a recommendation its ReviewId), as EF's fix-up does. So the demo built in memory is the
/// demo the seeder saves, ids included. The private setters are set through compiled expressions: the domain has
/// no other way, on purpose, and plain reflection on every entity took longer than building the demo.
/// </summary>
public sealed class DemoIds
{
    private static readonly ConcurrentDictionary<Type, EntityType> s_types = new();

    private readonly Dictionary<Type, int> _last = [];

    /// <summary>The whole demo for <paramref name="today"/>, built in memory with the ids the seeder's database would give.</summary>
    public static Task<DemoBuild> BuildAsync(int seed, DateOnly today, Rulebook rules)
    {
        var ids = new DemoIds();
        return DemoCouncil.BuildAsync(seed, today, rules, entities =>
        {
            ids.Save(entities);
            return Task.CompletedTask;
        });
    }

    public void Save(IEnumerable<object> entities)
    {
        foreach (var entity in entities)
        {
            Save(entity);
        }
    }

    private void Save(object entity)
    {
        var type = s_types.GetOrAdd(entity.GetType(), EntityType.Of);
        var id = 0;
        if (type.Id is { } key)
        {
            // An entity with an id was saved before (a child's staff, say).
            if (key.Get(entity) != 0)
            {
                return;
            }

            id = _last[type.Type] = _last.GetValueOrDefault(type.Type) + 1;
            key.Set(entity, id);
        }

        foreach (var (items, ownerKey) in type.Owned)
        {
            foreach (var item in items(entity))
            {
                if (ownerKey is not null && ownerKey.Get(item) == 0)
                {
                    ownerKey.Set(item, id);
                }

                Save(item);
            }
        }
    }

    private sealed record Key(Func<object, int> Get, Action<object, int> Set);

    /// <summary>
    /// An entity type's id, and its collections of entities (its private lists, as EF maps them: its properties
    /// may build new lists) with the key on each item that names the owner (ChildId on a review, say).
    /// </summary>
    private sealed record EntityType(Type Type, Key? Id, IReadOnlyList<(Func<object, IEnumerable> Items, Key? OwnerKey)> Owned)
    {
        public static EntityType Of(Type type) => new(type, KeyOf(type, "Id"),
        [
            .. type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(List<>)
                    && f.FieldType.GetGenericArguments()[0] is { IsValueType: false } item
                    && item.Namespace?.StartsWith("CareReview.Domain", StringComparison.Ordinal) == true)
                .Select(f =>
                {
                    var entity = Expression.Parameter(typeof(object));
                    var list = Expression.Field(Expression.Convert(entity, type), f);
                    var items = Expression.Lambda<Func<object, IEnumerable>>(Expression.Convert(list, typeof(IEnumerable)), entity).Compile();
                    return (items, KeyOf(f.FieldType.GetGenericArguments()[0], type.Name + "Id"));
                }),
        ]);

        private static Key? KeyOf(Type type, string name)
        {
            if (type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public) is not { } property || property.PropertyType != typeof(int))
            {
                return null;
            }

            var entity = Expression.Parameter(typeof(object));
            var value = Expression.Parameter(typeof(int));
            var typed = Expression.Property(Expression.Convert(entity, type), property);
            return new Key(
                Expression.Lambda<Func<object, int>>(typed, entity).Compile(),
                Expression.Lambda<Action<object, int>>(Expression.Assign(typed, value), entity, value).Compile());
        }
    }
}
