using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReturnDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Ethnicity",
                table: "Children",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasDisability",
                table: "Children",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsMother",
                table: "Children",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsUasc",
                table: "Children",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MothersChildBornOn",
                table: "Children",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UascCeasedOn",
                table: "Children",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upn",
                table: "Children",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomePostcode",
                table: "CareEpisodes",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementPostcode",
                table: "CareEpisodes",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementProvider",
                table: "CareEpisodes",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Urn",
                table: "CareEpisodes",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Ethnicity",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "HasDisability",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "IsMother",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "IsUasc",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "MothersChildBornOn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "UascCeasedOn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Upn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "HomePostcode",
                table: "CareEpisodes");

            migrationBuilder.DropColumn(
                name: "PlacementPostcode",
                table: "CareEpisodes");

            migrationBuilder.DropColumn(
                name: "PlacementProvider",
                table: "CareEpisodes");

            migrationBuilder.DropColumn(
                name: "Urn",
                table: "CareEpisodes");
        }
    }
}
