/** Azure Resource Manager in the public cloud; sovereign clouds and tests give their own. */
export const ARM_ENDPOINT = 'https://management.azure.com';
