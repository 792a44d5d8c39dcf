using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareReview.Web.Data;

/// <summary>
/// Inserts new rows of one entity type with a single prepared command, reused for every row, in the
/// context's current transaction, and nothing tracked. For bulk loads: EF's bookkeeping costs about 65 µs
/// a row, many times the insert itself. The statement, the parameters and the stored values all come from
/// the EF model and its type mappings, so the rows are those SaveChanges would write and the columns cannot
/// drift from the migrations. Only an entity's own columns are written: check <see cref="NavigatesOnlyThrough"/>
/// and let EF save anything with more to it.
/// </summary>
public sealed class PreparedInsert<T> : IAsyncDisposable where T : class
{
    private readonly IEntityType _entityType;
    private readonly DbCommand _command;
    private readonly (IProperty Property, ValueConverter? Converter, DbParameter Parameter)[] _columns;
    private readonly IProperty? _generatedKey;
    private readonly IProperty? _parentKey;

    private PreparedInsert(IEntityType entityType, DbCommand command, (IProperty, ValueConverter?, DbParameter)[] columns,
        IProperty? generatedKey, IProperty? parentKey)
    {
        _entityType = entityType;
        _command = command;
        _columns = columns;
        _generatedKey = generatedKey;
        _parentKey = parentKey;
    }

    /// <param name="parentKey">The foreign key property to fill from <see cref="InsertAsync"/>'s argument,
    /// because the parent's key was only generated when the parent was inserted.</param>
    public static async Task<PreparedInsert<T>> CreateAsync(DbContext db, string? parentKey = null,
        CancellationToken cancellationToken = default)
    {
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var properties = entityType.GetProperties().Where(p => p != key).ToList();

        // SaveChanges would leave these to the database, or write parts of the row this class does not know about.
        if (entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entityType.FindDiscriminatorProperty() is not null
            || properties.Any(p => p.ValueGenerated != ValueGenerated.Never || p.GetDefaultValueSql(table) is not null
                || p.GetComputedColumnSql(table) is not null || (p.IsShadowProperty() && p.Name != parentKey)))
        {
            throw new NotSupportedException($"{typeof(T).Name} has columns a prepared insert cannot write as SaveChanges would.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        var columns = properties.Select((p, i) => (p, p.GetRelationalTypeMapping().Converter,
            p.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, p.IsNullable))).ToArray();
        command.Parameters.AddRange(columns.Select(c => c.Item3).ToArray());
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))})"
            + $" VALUES ({string.Join(", ", columns.Select(c => c.Item3.ParameterName))})"
            + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        await command.PrepareAsync(cancellationToken);
        return new(entityType, command, columns, key, parentKey is null ? null : entityType.GetProperty(parentKey));
    }

    /// <summary>
    /// True when the entity's navigations other than those named hold nothing: its row is all there is to
    /// write (the named ones being written by the caller).
    /// </summary>
    public bool NavigatesOnlyThrough(T entity, params string[] navigations) =>
        _entityType.GetNavigations().Cast<INavigationBase>().Concat(_entityType.GetSkipNavigations())
            .Where(n => !navigations.Contains(n.Name))
            .All(n => n.GetGetter().GetClrValue(entity) switch
            {
                null => true,
                System.Collections.IEnumerable many when n.IsCollection => !many.Cast<object>().Any(),
                _ => false,
            });

    /// <summary>Inserts the entity's row and, as SaveChanges does, sets its generated key and the parent's key on it.</summary>
    public async Task InsertAsync(T entity, object? parentKeyValue = null, CancellationToken cancellationToken = default)
    {
        if (_parentKey is not null && !_parentKey.IsShadowProperty())
        {
            Set(entity, _parentKey, parentKeyValue);
        }

        foreach (var (property, converter, parameter) in _columns)
        {
            var value = property == _parentKey ? parentKeyValue : property.GetGetter().GetClrValue(entity);
            value = converter is null ? value : converter.ConvertToProvider(value);
            parameter.Value = value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value ?? DBNull.Value;
        }

        if (_generatedKey is null)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            var key = await _command.ExecuteScalarAsync(cancellationToken);
            var converter = _generatedKey.GetRelationalTypeMapping().Converter;
            Set(entity, _generatedKey, converter is null ? key : converter.ConvertFromProvider(key));
        }
    }

    private static void Set(T entity, IProperty property, object? value)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        value = value is null ? null : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, value);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, value);
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
