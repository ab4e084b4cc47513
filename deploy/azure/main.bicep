// Säkerhetsguiden on Azure: a Linux App Service (Node 20, built on deploy by Oryx), an Azure Bot
// registration with the Teams channel, and optionally an Azure Database for PostgreSQL flexible server.
// Deploy into a resource group:
//
//   az deployment group create -g <rg> -f deploy/azure/main.bicep -p @deploy/azure/main.parameters.json
//
// See deploy/azure/README.md for the whole sequence (app registration, deployment, code, Teams package).
//
// Secrets: pass them as secure parameters, or name a Key Vault (keyVaultName) holding them; the app then
// reads them through Key Vault references and never sees them in the template or in ARM's history.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------
// Names and sizes

@description('Web app name: becomes <appName>.azurewebsites.net, so it must be globally unique. Lower-case letters, digits and hyphens (it also names the plan and the PostgreSQL server).')
@minLength(2)
@maxLength(35)
param appName string = 'sakerhetsguiden-${uniqueString(resourceGroup().id)}'

@description('Azure Bot resource name (the bot handle; globally unique).')
@minLength(2)
@maxLength(64)
param botName string = '${appName}-bot'

@description('Region for the App Service and PostgreSQL. The bot registration itself is always global.')
param location string = resourceGroup().location

@description('App Service plan SKU. Basic or higher, since always-on is not available on Free/Shared.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot SKU. Teams is a standard channel, so F0 has no message limit for it.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Tags put on every resource.')
param tags object = {
  application: 'sakerhetsguiden'
}

// ---------------------------------------------------------------------------------------------------
// Bot identity (a single-tenant Microsoft Entra app registration, created beforehand; see README)

@description('Application (client) id of the bot\'s Entra app registration.')
param microsoftAppId string

@description('Client secret of that app registration. Leave empty when keyVaultName is set (secret "MicrosoftAppPassword").')
@secure()
param microsoftAppPassword string = ''

@description('Tenant of the app registration; the deploying tenant by default.')
param microsoftAppTenantId string = tenant().tenantId

// ---------------------------------------------------------------------------------------------------
// Storage: SQLite under /home/data (default) or PostgreSQL

@description('Store bot state and reports in PostgreSQL instead of SQLite files (recommended on App Service).')
param usePostgres bool = false

@description('With usePostgres: a full connection string for an existing database. Empty = create a flexible server here.')
@secure()
param databaseUrl string = ''

@description('With usePostgres and no databaseUrl: administrator login of the new server.')
param postgresAdminLogin string = 'sakerhetsguiden'

@description('With usePostgres and no databaseUrl: administrator password of the new server (required then).')
@secure()
param postgresAdminPassword string = ''

@description('With usePostgres and no databaseUrl: server SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('With usePostgres and no databaseUrl: tier matching postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresTier string = 'Burstable'

@description('With usePostgres and no databaseUrl: PostgreSQL major version.')
param postgresVersion string = '16'

// ---------------------------------------------------------------------------------------------------
// Key Vault (optional)

@description('Optional: a Key Vault in this resource group (RBAC mode) holding the secrets MicrosoftAppPassword, DatabaseUrl (with usePostgres) and ReportWebhookSecret (with a webhook). Empty = use the secure parameters.')
param keyVaultName string = ''

@description('With keyVaultName: give the web app\'s managed identity "Key Vault Secrets User" on the vault. Needs Owner or User Access Administrator; set false if someone else grants it.')
param grantKeyVaultAccess bool = true

// ---------------------------------------------------------------------------------------------------
// Application settings (see .env.example and src/config.ts for their meaning)

@description('Comma-separated Entra object ids of the security team (may list all reports).')
param securityTeamAadObjectIds string = ''

@description('Optional JSON conversation reference of the security team\'s channel for report notifications.')
param securityConversationReference string = ''

@description('Optional https URL that receives signed report notifications.')
param reportWebhookUrl string = ''

@description('Signing secret for reportWebhookUrl (required with it unless keyVaultName holds ReportWebhookSecret).')
@secure()
param reportWebhookSecret string = ''

@description('Days after which report contents are purged; 0 keeps them. Set this to what the record-keeping rules require.')
@minValue(0)
param reportRetentionDays int = 0

@description('pino log level.')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

// ---------------------------------------------------------------------------------------------------
// Derived values

var useKeyVault = !empty(keyVaultName)
var createPostgres = usePostgres && empty(databaseUrl)
var postgresServerName = '${appName}-pg'
var postgresDatabaseName = 'sakerhetsguiden'

// Built-in role "Key Vault Secrets User".
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// Key Vault references are resolved by App Service with the app's managed identity at start-up.
var appPasswordSetting = useKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=MicrosoftAppPassword)' : microsoftAppPassword

// pg treats sslmode=verify-full as: TLS, certificate chain and host name checked (Azure's servers use
// public CAs that Node trusts). The password is URI-encoded so any character is safe.
var createdDatabaseUrl = createPostgres ? 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabaseName}?sslmode=verify-full' : ''
var plainDatabaseUrl = empty(databaseUrl) ? createdDatabaseUrl : databaseUrl
var databaseUrlSetting = useKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=DatabaseUrl)' : plainDatabaseUrl

var webhookSecretSetting = useKeyVault ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=ReportWebhookSecret)' : reportWebhookSecret

var baseSettings = [
  // Oryx builds on deploy (npm install, npm run build), then drops dev dependencies. The native
  // better-sqlite3 addon is thereby compiled for App Service's own Node 20 image.
  {
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'true'
  }
  {
    name: 'POST_BUILD_COMMAND'
    value: 'npm prune --omit=dev'
  }
  // /home is App Service's persisted (network) storage; everything else is reset on restart. DATA_DIR is
  // used with PostgreSQL too: insights.sqlite (question statistics) always lives there.
  {
    name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE'
    value: 'true'
  }
  {
    name: 'DATA_DIR'
    value: '/home/data'
  }
  {
    name: 'KNOWLEDGE_DIR'
    value: '/home/site/wwwroot/knowledge'
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  // PORT is not set: App Service gives the container its own PORT, which config.ts reads.
  {
    name: 'MicrosoftAppId'
    value: microsoftAppId
  }
  {
    name: 'MicrosoftAppPassword'
    value: appPasswordSetting
  }
  {
    name: 'MicrosoftAppTenantId'
    value: microsoftAppTenantId
  }
  {
    name: 'MicrosoftAppType'
    value: 'SingleTenant'
  }
  {
    name: 'STORAGE'
    value: usePostgres ? 'postgres' : 'sqlite'
  }
  {
    name: 'REPORT_RETENTION_DAYS'
    value: string(reportRetentionDays)
  }
  // How long SIGTERM (restart, scale, deploy) waits for turns in flight before the databases close.
  {
    name: 'SHUTDOWN_GRACE_MS'
    value: '10000'
  }
]

var postgresSettings = usePostgres ? [
  {
    name: 'DATABASE_URL'
    value: databaseUrlSetting
  }
] : []

var securityTeamSettings = empty(securityTeamAadObjectIds) ? [] : [
  {
    name: 'SECURITY_TEAM_AAD_OBJECT_IDS'
    value: securityTeamAadObjectIds
  }
]

var conversationSettings = empty(securityConversationReference) ? [] : [
  {
    name: 'SECURITY_CONVERSATION_REFERENCE'
    value: securityConversationReference
  }
]

var webhookSettings = empty(reportWebhookUrl) ? [] : [
  {
    name: 'REPORT_WEBHOOK_URL'
    value: reportWebhookUrl
  }
  {
    name: 'REPORT_WEBHOOK_SECRET'
    value: webhookSecretSetting
  }
]

var appSettings = concat(baseSettings, postgresSettings, securityTeamSettings, conversationSettings, webhookSettings)

// ---------------------------------------------------------------------------------------------------
// App Service

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    // One instance: SQLite files and the in-process outbox poller assume a single writer.
    capacity: 1
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned' // for Key Vault references; harmless without them
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      // Node directly: `npm start` would run prestart (a rebuild) on every start.
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: appSettings
    }
  }
  // Start the app only once its database accepts connections (no-ops when PostgreSQL is not created).
  dependsOn: [
    postgresDatabase
    postgresAllowAzure
  ]
}

// ---------------------------------------------------------------------------------------------------
// Azure Bot: the registration Teams talks to, pointing at the web app's /api/messages

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Säkerhetsguiden'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL flexible server (only with usePostgres and no databaseUrl)

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (createPostgres) {
  name: postgresServerName
  location: location
  tags: tags
  sku: {
    name: postgresSkuName
    tier: postgresTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    // No `network` block: public access with firewall rules. For production use a delegated subnet.
  }
}

// Lets Azure services (the web app) connect. This admits any Azure-hosted address, so for production
// prefer VNet integration with private access and remove this rule.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (createPostgres) {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = if (createPostgres) {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// ---------------------------------------------------------------------------------------------------
// Key Vault access for the web app's identity (only with keyVaultName and grantKeyVaultAccess)

// The placeholder name only keeps the (unused) resource id well-formed when no vault is given.
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = if (useKeyVault) {
  name: useKeyVault ? keyVaultName : 'no-key-vault'
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useKeyVault && grantKeyVaultAccess) {
  name: guid(keyVault.id, site.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------
// Outputs (no secrets)

output webAppName string = site.name
output webAppHostName string = site.properties.defaultHostName
output messagingEndpoint string = 'https://${site.properties.defaultHostName}/api/messages'
output botName string = bot.name
output webAppPrincipalId string = site.identity.principalId
output postgresServerFqdn string = createPostgres ? postgres.properties.fullyQualifiedDomainName : ''
